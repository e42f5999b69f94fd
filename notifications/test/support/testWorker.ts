import { InProcessEventBus, silentLogger, type CloudEvent, type Logger } from '@shelfmark/events';
import { testDatabase, type TestDatabase } from '@shelfmark/testing';
import { startNotifications, type MailDelivery, type RunningNotifications } from '../../src';
import { NOTIFICATION_ENTITIES } from '../../src/adapters/persistence/schemas';
import type { RetryBudget } from '../../src/domain';

export const FROM = 'Shelfmark <library@library.test>';

/** Retries quick enough for a test to watch, and patient enough to outlast an outage it stages. */
export const PATIENT: RetryBudget = { maxAttempts: 10_000, firstDelayMs: 10, maxDelayMs: 50 };

export interface TestWorker {
  readonly worker: RunningNotifications;
  readonly database: TestDatabase;
  /** Publishes on the worker's in-process bus; resolves once every consumer handled the events. */
  publish(...events: CloudEvent[]): Promise<void>;
  /** Stops the worker and starts it again on the same database (a process restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The worker as a process runs it, on a real database of the test's own and a real bus. */
export async function startTestWorker(
  name: string,
  delivery: MailDelivery,
  retry: RetryBudget = PATIENT,
  logger: Logger = silentLogger,
  /** Another worker's, for two replicas on one database. */
  database: TestDatabase = testDatabase(name),
): Promise<TestWorker> {
  let bus: InProcessEventBus;
  let worker: RunningNotifications;
  const start = async () => {
    bus = new InProcessEventBus();
    worker = await startNotifications({
      database: database.config,
      bus,
      delivery,
      from: FROM,
      logger,
      retry,
      pollIntervalMs: 10,
    });
    bus.open();
  };
  const stop = async () => {
    await bus.close();
    await worker.close();
  };
  await start();
  return {
    get worker() {
      return worker;
    },
    database,
    publish: (...events) => bus.publish(events),
    async restart() {
      await stop();
      await start();
    },
    async close() {
      await stop();
      await database.drop(NOTIFICATION_ENTITIES);
    },
  };
}
