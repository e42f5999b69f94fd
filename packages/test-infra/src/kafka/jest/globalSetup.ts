import { KAFKA_BROKERS_VARIABLE, startKafka, type KafkaHandle } from '@shelfmark/local-servers';

/** Where the global teardown finds the broker: setup and teardown share the jest parent's globals. */
const HANDLE_KEY = Symbol.for('shelfmark.test-infra.kafka');

/**
 * Global setup of the jest "kafka" project: one broker for every Kafka test file. Its address
 * reaches the test workers through `KAFKA_BROKERS`, which jest hands on to them.
 */
async function globalSetup(): Promise<void> {
  const handle = await startKafka();
  (globalThis as Record<symbol, KafkaHandle | undefined>)[HANDLE_KEY] = handle;
  process.env[KAFKA_BROKERS_VARIABLE] = handle.brokers.join(',');
}

export = globalSetup;
