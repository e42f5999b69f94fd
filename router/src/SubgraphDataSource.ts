import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode } from '@shelfmark/errors';
import { isConnectionReset } from '@shelfmark/subgraph-kit';
import { getOperationAST, GraphQLError, OperationTypeNode, parse } from 'graphql';
import { fetch, type Agent } from 'undici';
import type { RouterContext } from './context';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * How the router calls a subgraph: it forwards the caller's (already verified) token, so each
 * subgraph checks identity itself and enforces its own rules, plus the request id and the trace.
 * A subgraph that cannot be reached is reported as SERVICE_UNAVAILABLE naming it, so a client
 * gets the rest of its answer and knows what is missing.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    agent: Agent,
  ) {
    super({ url, fetcher: subgraphFetcher(agent) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    const headers = request.http?.headers;
    // Health checks and schema loading run without a request context.
    const { requestId, token, traceparent } = context as Partial<RouterContext>;
    if (!headers) return;
    if (requestId) headers.set('x-request-id', requestId);
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (traceparent) headers.set('traceparent', traceparent);
    // Set, never appended: a client's own X-Forwarded-For does not reach a subgraph.
    if ((context as Partial<RouterContext>).clientAddress)
      headers.set('x-forwarded-for', (context as RouterContext).clientAddress!);
  }

  override didEncounterError(error: Error, _request: unknown, response?: unknown): void {
    // No response at all: the subgraph is down or unreachable (not a GraphQL error it returned).
    if (response === undefined) {
      throw new GraphQLError(
        `The ${this.subgraph} service is not answering right now. Please try again shortly.`,
        {
          originalError: error,
          extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName: this.subgraph },
        },
      );
    }
    throw error;
  }
}

/**
 * The gateway's own fetcher (make-fetch-happen) keeps idle sockets with no idle timeout of its
 * own, while a subgraph's server closes them after its keep-alive timeout: a request written just
 * as the server closes the socket died with a reset, and the client read SERVICE_UNAVAILABLE for a
 * healthy subgraph. This one uses an undici pool whose idle timeout is shorter than the servers'
 * (see keepAliveAgent), and sends a query once more when its connection was reset before any
 * answer: a query changes nothing, so sending it twice is safe. A mutation is never re-sent — the
 * subgraph may have applied it.
 */
export function subgraphFetcher(agent: Agent): Fetcher {
  const send = (url: string, init: Parameters<Fetcher>[1]) =>
    fetch(url, { ...init, dispatcher: agent }) as unknown as ReturnType<Fetcher>;
  return async (url, init) => {
    try {
      return await send(url, init);
    } catch (error) {
      if (!isConnectionReset(error) || !isQuery(init?.body)) throw error;
      return send(url, init);
    }
  };
}

/** Whether a subgraph request body is a query (entity fetches included), read only on failure. */
function isQuery(body: string | Buffer | undefined): boolean {
  try {
    const { query, operationName } = JSON.parse(String(body)) as { query?: string; operationName?: string };
    if (!query) return false;
    return getOperationAST(parse(query), operationName)?.operation === OperationTypeNode.QUERY;
  } catch {
    return false;
  }
}
