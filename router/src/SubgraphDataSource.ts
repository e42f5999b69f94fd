import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode } from '@shelfmark/errors';
import { GraphQLError } from 'graphql';
import type { RouterContext } from './context';

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
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    const headers = request.http?.headers;
    // Health checks and schema loading run without a request context.
    const { requestId, token, traceparent } = context as Partial<RouterContext>;
    if (!headers) return;
    if (requestId) headers.set('x-request-id', requestId);
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (traceparent) headers.set('traceparent', traceparent);
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
