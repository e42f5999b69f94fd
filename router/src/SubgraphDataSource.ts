import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { RouterContext } from './context';

/**
 * How the router calls a subgraph: it forwards the caller's (already verified) token, so each
 * subgraph checks identity itself and enforces its own rules, plus the request id and the trace.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('requestId' in context)) return;
    headers.set('x-request-id', context.requestId);
    if (context.token) headers.set('authorization', `Bearer ${context.token}`);
    if (context.traceparent) headers.set('traceparent', context.traceparent);
  }
}
