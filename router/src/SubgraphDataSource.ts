import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { RouterContext } from './context';

/**
 * How the router calls a subgraph: it forwards the caller's (already verified) token, so each
 * subgraph checks identity itself and enforces its own rules, plus the request id and the trace.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    const headers = request.http?.headers;
    // Health checks and schema loading run without a request context.
    const { requestId, token, traceparent } = context as Partial<RouterContext>;
    if (!headers) return;
    if (requestId) headers.set('x-request-id', requestId);
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (traceparent) headers.set('traceparent', traceparent);
  }
}
