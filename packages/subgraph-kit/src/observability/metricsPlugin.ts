import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from './metrics';

/** Times every operation and counts errors by code, for /metrics. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    requestDidStart() {
      const stop = metrics.operations.startTimer();
      return Promise.resolve({
        willSendResponse({ operationName, errors }) {
          for (const error of errors ?? []) {
            const code = error.extensions?.['code'];
            metrics.errors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
          }
          stop({
            operation: metrics.operationNames.label(operationName),
            outcome: errors?.length ? 'error' : 'ok',
          });
          return Promise.resolve();
        },
      });
    },
  };
}
