import type { KafkaHandle } from '@shelfmark/local-servers';

const HANDLE_KEY = Symbol.for('shelfmark.test-infra.kafka');

/** Global teardown of the jest "kafka" project: stops the broker its global setup started. */
async function globalTeardown(): Promise<void> {
  const globals = globalThis as Record<symbol, KafkaHandle | undefined>;
  const handle = globals[HANDLE_KEY];
  globals[HANDLE_KEY] = undefined;
  await handle?.stop();
}

export = globalTeardown;
