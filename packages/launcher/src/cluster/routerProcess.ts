// First: tracing (when OTEL_* asks for it) must patch http, kafkajs and mongodb before they load.
import '@shelfmark/telemetry/register';
import 'reflect-metadata';
import { KafkaEventBus } from '@shelfmark/events/kafka';
import { createRouter } from '@shelfmark/router';
import { readSupergraph } from '@shelfmark/schema';
import { createLogger } from '@shelfmark/subgraph-kit';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { loadRouterProcessConfig } from './config';
import { processKeys } from './keys';
import { subscriptionSettings } from '../env';
import { onShutdown, shutdownTimeoutMs } from '../shutdown';
import { builtWebApp } from '../web';

/**
 * The router as its own process, in front of the six subgraph processes. Its subscriptions are
 * fed from Kafka by a consumer group of its own (`router.<host>.<uuid>`): every replica hears every
 * event from the moment it starts, and the group is deleted when the process stops
 * (docs/adr/0013-federated-subscriptions.md).
 */
async function main() {
  const config = loadRouterProcessConfig(process.env);
  const timeoutMs = shutdownTimeoutMs(process.env);
  const logger = createLogger(config.LOG_LEVEL, 'shelfmark', undefined, {
    production: config.NODE_ENV === 'production',
  }).child({ process: 'router' });
  const bus = new KafkaEventBus({
    brokers: config.KAFKA_BROKERS,
    clientId: 'shelfmark-router',
    partitions: config.KAFKA_PARTITIONS,
    logger,
  });
  await bus.connect();
  const consumerName = `router.${hostname()}.${randomUUID()}`;
  const web = builtWebApp();
  if (!web) logger.warn('web/dist is not built: serving the API only (npm run build:web builds the app)');
  const router = await createRouter({
    supergraphSdl: readSupergraph(),
    subgraphUrls: config.subgraphUrls,
    keys: processKeys(config, false),
    logger,
    port: config.PORT,
    ...(config.HOST ? { host: config.HOST } : {}),
    production: config.NODE_ENV === 'production',
    stackTraces: config.SHELFMARK_STACK_TRACES,
    // Unset: the router's default, on unless production.
    ...(config.SHELFMARK_PLAYGROUND === undefined ? {} : { playground: config.SHELFMARK_PLAYGROUND }),
    subscriptions: subscriptionSettings(config),
    events: { bus, consumerName },
    // The web app, as built by start:cluster or the image (docs/adr/0017-web-app.md).
    ...(web ? { web } : {}),
  });
  logger.info({ consumerGroup: consumerName }, 'subscriptions fed from Kafka');
  onShutdown(
    async () => {
      // The router first: it stops listening (/readyz fails), closes each WebSocket with 1012
      // "Service Restart" (graphql-ws clients reconnect, to another replica) and ends the SSE
      // streams, and lets the requests in flight finish; then the feed stops and its consumer
      // group, which only this replica used, is deleted.
      await router.close();
      await bus.close();
    },
    (message, error) => (error ? logger.error({ err: error }, message) : logger.info(message)),
    { timeoutMs },
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
