import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { RouterContext } from '../context';

/**
 * A subscription POSTed like a query is the client's mistake, not a gateway failure: answered
 * with HTTP 400 and where to send it instead (the gateway itself executes no subscriptions).
 */
export function refuseSubscriptionsOverHttp(): ApolloServerPlugin<RouterContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ operation }) => {
          if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return Promise.resolve();
          throw new GraphQLError(
            'Subscriptions are served over WebSocket (graphql-ws) or Server-Sent Events (Accept: text/event-stream) on this same /graphql path, not by POST.',
            { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
          );
        },
      }),
  };
}
