// First: tracing (when OTEL_* asks for it) must patch http, kafkajs and mongodb before they load.
import '@shelfmark/telemetry/register';
import 'reflect-metadata';
import { KafkaEventBus } from '@shelfmark/events/kafka';
import { DEFAULT_SUBGRAPH_PORTS } from '@shelfmark/schema';
import { closeServer, createLogger, parseDatabaseUrl, startSubgraph } from '@shelfmark/subgraph-kit';
import { loadSubgraphProcessConfig } from './config';
import { processKeys } from './keys';
import { topologySettings } from '../env';
import { subgraphDefinitions } from '../topology';
import { onShutdown, shutdownTimeoutMs } from '../shutdown';

/** One subgraph as its own process, over Kafka and its own database (MongoDB in production). */
async function main() {
  const config = loadSubgraphProcessConfig(process.env);
  const timeoutMs = shutdownTimeoutMs(process.env);
  const name = config.SHELFMARK_SUBGRAPH;
  const logger = createLogger(config.LOG_LEVEL, 'shelfmark', undefined, {
    production: config.NODE_ENV === 'production',
  }).child({ process: name });
  const bus = new KafkaEventBus({
    brokers: config.KAFKA_BROKERS,
    clientId: `shelfmark-${name}`,
    partitions: config.KAFKA_PARTITIONS,
    logger,
  });
  await bus.connect();
  const definition = subgraphDefinitions(topologySettings(config))[name];
  const peers = config as unknown as Record<string, string | undefined>;
  const subgraph = await startSubgraph(definition, {
    database: parseDatabaseUrl(config.DATABASE_URL),
    bus,
    keys: processKeys(config, name === 'members'),
    logger,
    host: config.HOST,
    port: config.PORT ?? DEFAULT_SUBGRAPH_PORTS[name],
    production: config.NODE_ENV === 'production',
    // Wait for the broker's ack before answering a mutation: what was answered is never lost.
    publishBeforeResponding: true,
    peers: (peer) => peers[`SHELFMARK_${peer.toUpperCase()}_URL`],
    jobIntervalMs: config.SHELFMARK_JOB_INTERVAL_SECONDS * 1000,
  });
  // Recovery first: finish or compensate what a crash of this process interrupted.
  await subgraph.runJobs();
  onShutdown(
    async () => {
      // 1. No new connections (so /readyz fails: the load balancer stops sending work); the
      //    requests in flight finish, and a mutation's events are acknowledged by Kafka before
      //    its answer (publishBeforeResponding), so what was answered is in the log.
      if (subgraph.server) await closeServer(subgraph.server);
      // 2. Consumers stop fetching, finish the event in hand, commit their offsets and leave their
      //    groups; the producer disconnects once its publications are acknowledged.
      await bus.close();
      // 3. Jobs, the outbox relay (what it could not publish stays in the outbox for the next
      //    start) and the database.
      await subgraph.close();
    },
    (message, error) => (error ? logger.error({ err: error }, message) : logger.info(message)),
    { timeoutMs },
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
