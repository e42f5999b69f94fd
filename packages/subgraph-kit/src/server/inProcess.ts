import { HeaderMap, type ApolloServer } from '@apollo/server';
import { EventContext } from '@shelfmark/events';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { SubgraphContext } from '../graphql/context';
import type { DatabaseWrites } from '../persistence/sqliteConnection';

/**
 * A GraphQL request to a subgraph in the same process: what the router and a PeerClient would
 * otherwise send over HTTP. The headers are the ones they would send (lower-case names):
 * `authorization`, `x-request-id`, `traceparent`, `x-forwarded-for`.
 */
export interface InProcessRequest {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>> | undefined;
  readonly operationName?: string | undefined;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/**
 * The subgraph's answer as its HTTP endpoint would give it, without the JSON: the status it would
 * answer with and the body's `data` and `errors` (formatted by the subgraph's error formatter).
 */
export interface InProcessResponse {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/**
 * The answers of a subgraph that are a function of its own database, the caller's token and the
 * request alone: no clock (a ranking's window, a loan's days left), no call to another subgraph.
 * Only these may be kept by the router's answer cache (docs/adr/0022-answer-cache.md). A subgraph
 * declares them in its definition; what it does not name is never kept.
 */
export interface CacheableAnswers {
  /** Root `Query` fields. */
  readonly rootFields: readonly string[];
  /** Entity types whose `_entities` answers (the fields this subgraph adds to them) qualify. */
  readonly entityTypes: readonly string[];
}

/**
 * A subgraph reachable by a function call (the embedded default, docs/architecture.md): the same
 * Apollo server, plugins, request scope, identity check and error formatting as its HTTP endpoint,
 * with no socket and no JSON in between.
 */
export interface InProcessSubgraph {
  readonly name: string;
  /** Runs one request; rejects with {@link SubgraphNotRunning} once the subgraph is closed. */
  execute(request: InProcessRequest): Promise<InProcessResponse>;
  /** Resolves when the subgraph can serve (its `/readyz`). */
  ready(): Promise<void>;
  /**
   * What the router may keep of this subgraph's answers, and the count of its database's writes
   * that says when a kept answer is no longer current. Absent where the database does not count
   * its writes (MongoDB) or the subgraph declares nothing.
   */
  readonly cache?: { readonly answers: CacheableAnswers; readonly writes: DatabaseWrites } | undefined;
}

/** The subgraph was closed (or is closing): the in-process equivalent of a refused connection. */
export class SubgraphNotRunning extends Error {
  constructor(readonly subgraph: string) {
    super(`The ${subgraph} subgraph is not running`);
    this.name = 'SubgraphNotRunning';
  }
}

/**
 * Builds a subgraph's in-process endpoint. `context` is the subgraph's own request context
 * builder given the caller's identity header, request id and address, exactly as its HTTP route
 * builds it; `isRunning` turns calls away once the subgraph closes.
 */
export function inProcessEndpoint(options: {
  readonly name: string;
  readonly apollo: ApolloServer<SubgraphContext>;
  readonly context: (headers: {
    readonly authorization: string | undefined;
    readonly requestId: string;
    readonly clientAddress: string;
  }) => Promise<SubgraphContext>;
  readonly isRunning: () => boolean;
  readonly ready: () => Promise<void>;
  readonly cache?: InProcessSubgraph['cache'];
}): InProcessSubgraph {
  const { name, apollo } = options;
  return {
    name,
    ready: options.ready,
    ...(options.cache ? { cache: options.cache } : {}),
    async execute(request) {
      if (!options.isRunning()) throw new SubgraphNotRunning(name);
      // The same request scope the HTTP route opens (requestScope): the caller's id and trace.
      const requestId = request.headers['x-request-id'] ?? randomUUID();
      const traceparent = request.headers['traceparent'];
      return EventContext.run(
        { correlationId: requestId, ...(traceparent ? { traceparent } : {}) },
        async () => {
          let contextValue: SubgraphContext;
          try {
            contextValue = await options.context({
              authorization: request.headers['authorization'],
              requestId,
              clientAddress: request.headers['x-forwarded-for']?.split(',')[0]?.trim() || 'in-process',
            });
          } catch (error) {
            // What Apollo answers over HTTP when the context cannot be built (a bad token: 401).
            if (error instanceof GraphQLError) {
              const status = (error.extensions['http'] as { status?: number } | undefined)?.status ?? 500;
              const { http: _http, ...extensions } = error.extensions;
              return { status, errors: [{ message: error.message, extensions }] };
            }
            throw error;
          }
          const headers = new HeaderMap();
          for (const [header, value] of Object.entries(request.headers)) {
            if (value !== undefined) headers.set(header, value);
          }
          headers.set('content-type', 'application/json');
          const response = await apollo.executeOperation(
            {
              query: request.query,
              ...(request.variables ? { variables: { ...request.variables } } : {}),
              ...(request.operationName ? { operationName: request.operationName } : {}),
              http: { method: 'POST', headers, search: '', body: undefined },
            },
            { contextValue },
          );
          if (response.body.kind !== 'single') {
            return {
              status: 500,
              errors: [{ message: 'an in-process subgraph call answered incrementally' }],
            };
          }
          const { data, errors } = response.body.singleResult;
          return {
            status: response.http.status ?? (data === undefined && errors ? 400 : 200),
            ...(data === undefined ? {} : { data: data }),
            ...(errors ? { errors } : {}),
          };
        },
      );
    },
  };
}
