import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode } from '@shelfmark/errors';
import { SubgraphNotRunning, subgraphFetchTimer, type InProcessSubgraph } from '@shelfmark/subgraph-kit';
import { GraphQLError } from 'graphql';
import { STATUS_CODES } from 'node:http';
import type { AnswerCache } from './answerCache';
import type { RouterContext } from './context';

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource<RouterContext>['process']>>;

/**
 * The headers the router sends a subgraph for a request (SubgraphDataSource sets the same on its
 * HTTP requests): the request id, the caller's verified token, the trace and the client's address.
 * Health checks and schema loading run without a request context.
 */
export function subgraphHeaders(context: Partial<RouterContext> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!context) return headers;
  if (context.requestId) headers['x-request-id'] = context.requestId;
  if (context.token) headers['authorization'] = `Bearer ${context.token}`;
  if (context.traceparent) headers['traceparent'] = context.traceparent;
  if (context.clientAddress) headers['x-forwarded-for'] = context.clientAddress;
  return headers;
}

/**
 * How the embedded router calls a subgraph in its own process (docs/architecture.md): a function
 * call into the subgraph's Apollo server instead of an HTTP request over loopback, and no JSON
 * either way. What the subgraph sees is what it would see over HTTP (the same headers, identity and
 * request scope), and what the gateway gets back is what SubgraphDataSource would give it: the
 * subgraph's `data` and `errors`, an HTTP-like error for an answer that is not a success, and
 * SERVICE_UNAVAILABLE naming the subgraph when it is not running.
 */
export class InProcessSubgraphDataSource implements GraphQLDataSource<RouterContext> {
  /** shelfmark_subgraph_fetch_duration_seconds, its label children made once. */
  private readonly fetches: ReturnType<typeof subgraphFetchTimer>;

  constructor(
    private readonly subgraph: InProcessSubgraph,
    /** Keeps the answers the subgraph declares cacheable until its database writes (answerCache.ts). */
    private readonly cache?: AnswerCache,
  ) {
    this.fetches = subgraphFetchTimer(subgraph.name);
  }

  async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    if (!request.query) throw new Error('Missing query');
    let response;
    const started = performance.now();
    try {
      const call = {
        query: request.query,
        variables: request.variables,
        operationName: request.operationName,
        headers: subgraphHeaders(context as Partial<RouterContext> | undefined),
      };
      response = this.cache
        ? await this.cache.answer(
            this.subgraph,
            call,
            (context as Partial<RouterContext> | undefined)?.token ?? undefined,
            () => this.subgraph.execute(call),
          )
        : await this.subgraph.execute(call);
    } catch (error) {
      this.fetches.error(started);
      if (!(error instanceof SubgraphNotRunning)) throw error;
      throw new GraphQLError(
        `The ${this.subgraph.name} service is not answering right now. Please try again shortly.`,
        {
          originalError: error,
          extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName: this.subgraph.name },
        },
      );
    }
    (response.status >= 200 && response.status < 300 ? this.fetches.ok : this.fetches.error)(started);
    if (response.status < 200 || response.status >= 300) {
      // As RemoteGraphQLDataSource reports an HTTP answer that is not a success.
      const statusText = STATUS_CODES[response.status] ?? '';
      throw new GraphQLError(`${response.status}: ${statusText}`, {
        extensions: {
          response: {
            url: `in-process:${this.subgraph.name}`,
            status: response.status,
            statusText,
            body: { data: response.data, errors: response.errors },
          },
          ...(response.status === 401 ? { code: 'UNAUTHENTICATED' } : {}),
          ...(response.status === 403 ? { code: 'FORBIDDEN' } : {}),
        },
      });
    }
    return {
      ...(response.data === undefined ? {} : { data: response.data }),
      ...(response.errors ? { errors: [...response.errors] } : {}),
    };
  }
}
