import 'reflect-metadata';
import { KafkaEventBus } from '@shelfmark/events/kafka';
import { DEFAULT_SUBGRAPH_PORTS, subgraphDefinitions } from '@shelfmark/schema';
import { createLogger, parseDatabaseUrl, startSubgraph } from '@shelfmark/subgraph-kit';
import { loadSubgraphProcessConfig } from './config';
import { processKeys } from './keys';
import { onShutdown } from '../shutdown';

/** One subgraph as its own process, over Kafka and its own database (MongoDB in production). */
async function main() {
  const config = loadSubgraphProcessConfig(process.env);
  const name = config.SHELFMARK_SUBGRAPH;
  const logger = createLogger(config.LOG_LEVEL).child({ process: name });
  const bus = new KafkaEventBus({
    brokers: config.KAFKA_BROKERS,
    clientId: `shelfmark-${name}`,
    partitions: config.KAFKA_PARTITIONS,
    logger,
  });
  await bus.connect();
  const definition = subgraphDefinitions({
    members: {
      initialPoints: config.SHELFMARK_INITIAL_POINTS,
      tokenTtlSeconds: config.SHELFMARK_TOKEN_TTL_SECONDS,
      ...(config.SHELFMARK_ADMIN_EMAIL && config.SHELFMARK_ADMIN_PASSWORD
        ? { admin: { email: config.SHELFMARK_ADMIN_EMAIL, password: config.SHELFMARK_ADMIN_PASSWORD } }
        : {}),
    },
  })[name];
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
  });
  onShutdown(
    async () => {
      await subgraph.close();
      await bus.close();
    },
    (message, error) => (error ? logger.error({ err: error }, message) : logger.info(message)),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
