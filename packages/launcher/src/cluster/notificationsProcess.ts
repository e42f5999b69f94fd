// First: tracing (when OTEL_* asks for it) must patch http, kafkajs and mongodb before they load.
import '@shelfmark/telemetry/register';
import 'reflect-metadata';
import { KafkaEventBus } from '@shelfmark/events/kafka';
import { serveProbes, startNotifications } from '@shelfmark/notifications';
import { createLogger, parseDatabaseUrl } from '@shelfmark/subgraph-kit';
import { loadNotificationsProcessConfig } from './config';
import { notificationSettings } from '../env';
import { onShutdown, shutdownTimeoutMs } from '../shutdown';

/**
 * The notifications worker as its own process: consumes events from Kafka (its own consumer
 * groups, `notifications.<Consumer>`), keeps its database, and mails over SMTP_URL or into
 * SHELFMARK_MAIL_DIR. Serves only the probes and metrics.
 */
async function main() {
  const config = loadNotificationsProcessConfig(process.env);
  const timeoutMs = shutdownTimeoutMs(process.env);
  let stopping = false;
  const logger = createLogger(config.LOG_LEVEL, 'shelfmark', undefined, {
    production: config.NODE_ENV === 'production',
  }).child({ process: 'notifications' });
  const settings = notificationSettings(config);
  const bus = new KafkaEventBus({
    brokers: config.KAFKA_BROKERS,
    clientId: 'shelfmark-notifications',
    partitions: config.KAFKA_PARTITIONS,
    logger,
  });
  await bus.connect();
  const worker = await startNotifications({
    database: parseDatabaseUrl(config.DATABASE_URL),
    bus,
    delivery: settings.smtpUrl ? { smtpUrl: settings.smtpUrl } : { folder: config.SHELFMARK_MAIL_DIR },
    from: settings.from,
    retry: settings.retry,
    logger,
  });
  const probes = await serveProbes({
    host: config.HOST,
    port: config.PORT,
    // Not ready from the first moment of a shutdown.
    ready: () => (stopping ? Promise.reject(new Error('stopping')) : worker.ready()),
    registry: worker.registry,
  });
  logger.info(
    { probes: probes.url, delivery: settings.smtpUrl ? 'smtp' : config.SHELFMARK_MAIL_DIR },
    'notifications worker started',
  );
  onShutdown(
    async () => {
      stopping = true;
      await probes.close();
      // The bus first: no event arrives for a worker whose database is closing.
      await bus.close();
      await worker.close();
    },
    (message, error) => (error ? logger.error({ err: error }, message) : logger.info(message)),
    { timeoutMs },
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
