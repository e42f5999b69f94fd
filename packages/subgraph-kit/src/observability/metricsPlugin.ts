import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Metrics } from './metrics';

const STARTED = Symbol('shelfmark.operationStartedAt');

/**
 * Times every operation and counts errors by code, for /metrics. One listener serves every
 * request (the start time rides on the request's own context object): nothing is allocated per
 * request beyond what Apollo does anyway, which keeps it off the router's profile.
 */
export function metricsPlugin<Context extends object>(metrics: Metrics): ApolloServerPlugin<Context> {
  const listener: GraphQLRequestListener<Context> = {
    willSendResponse(requestContext) {
      const { operationName, errors } = requestContext;
      if (errors) {
        for (const error of errors) {
          const code = error.extensions?.['code'];
          metrics.operations.error(typeof code === 'string' ? code : 'UNKNOWN');
        }
      }
      const startedAt = (requestContext as unknown as Record<symbol, number | undefined>)[STARTED];
      if (startedAt !== undefined)
        metrics.operations.observe(operationName, Boolean(errors?.length), startedAt);
      return Promise.resolve();
    },
  };
  return {
    requestDidStart(requestContext) {
      (requestContext as unknown as Record<symbol, number>)[STARTED] = performance.now();
      return Promise.resolve(listener);
    },
  };
}
