import 'reflect-metadata';
import {
  createEvent,
  defineConsumer,
  InProcessEventBus,
  MemoryDeadLetterSink,
  type EventBus,
} from '@shelfmark/events';
import { KafkaEventBus } from '@shelfmark/events/kafka';
import { startKafka } from '@shelfmark/local-servers';
import { randomUUID } from 'node:crypto';
import { machine } from './report';

/**
 * `npm run bench:events`: events per second through each bus adapter — publishing (until the
 * bus accepted them: for Kafka, acks=all) and end to end (until one consumer handled them all,
 * contract checks included).
 *
 * BENCH_EVENTS (default 20000) and BENCH_BATCH (default 100 events per publish call) tune it.
 * Kafka: KAFKA_BROKERS, or a local broker started from Maven Central jars.
 */
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 20_000);
const BATCH = Number(process.env['BENCH_BATCH'] ?? 100);

function events(count: number) {
  return Array.from({ length: count }, (_, i) =>
    createEvent('shelfmark.inventory.copy-added.v1', `copy-${i % 500}`, {
      copyId: `copy-${i}`,
      bookId: `book-${i % 50}`,
      barcode: `SM${String(i).padStart(10, '0')}`,
      location: null,
      status: 'AVAILABLE' as const,
    }),
  );
}

async function measure(name: string, bus: EventBus, open?: () => void) {
  const batch = events(EVENTS);
  let handled = 0;
  let allHandled: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allHandled = resolve));
  await bus.subscribe(
    defineConsumer({
      name: `BenchCountOnCopyAdded-${randomUUID()}`,
      types: ['shelfmark.inventory.copy-added.v1'],
      handle: () => {
        handled += 1;
        if (handled === EVENTS) allHandled();
        return Promise.resolve();
      },
    }),
  );
  open?.();
  const started = performance.now();
  for (let i = 0; i < batch.length; i += BATCH) await bus.publish(batch.slice(i, i + BATCH));
  const published = performance.now();
  await done;
  const finished = performance.now();
  const rate = (ms: number) =>
    `${Math.round((EVENTS / ms) * 1000)
      .toLocaleString('en')
      .padStart(8)} events/s`;
  console.log(
    `${name.padEnd(12)} publish ${rate(published - started)} (${Math.round(published - started)} ms)   end to end ${rate(finished - started)} (${Math.round(finished - started)} ms)`,
  );
}

async function main() {
  console.log(`Shelfmark event bus benchmark — ${EVENTS} events, ${BATCH} per publish, one consumer`);
  console.log(`machine: ${await machine()}\n`);

  const inProcess = new InProcessEventBus({ deadLetters: new MemoryDeadLetterSink() });
  await measure('in-process', inProcess, () => inProcess.open());
  await inProcess.close();

  const started = performance.now();
  const kafka = await startKafka();
  if (!process.env['KAFKA_BROKERS'])
    console.log(`(local Kafka broker started in ${Math.round(performance.now() - started)} ms)`);
  const bus = new KafkaEventBus({ brokers: kafka.brokers, clientId: 'shelfmark-bench', partitions: 3 });
  try {
    await bus.connect();
    await measure('kafka', bus);
  } finally {
    await bus.close();
    await kafka.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
