import { defineConsumer } from '../../src';
import type { KafkaEventBus } from '../../src/kafka';
import { waitFor } from '../support/async';
import { aBookAdded, uniqueId } from '../support/builders';
import { aKafkaAdmin, aKafkaBus } from './kafkaTestBus';

/** A real broker hands events over asynchronously; this deadline only turns a hang into a failure. */
const DELIVERY_MS = 30_000;

/**
 * Ephemeral consumers (`Consumer.ephemeral`): one group per process that wants every event while
 * it runs (the router's subscription feed), starting from now and deleted when the bus closes.
 */
describe('KafkaEventBus: ephemeral consumers', () => {
  const buses: KafkaEventBus[] = [];
  const admin = aKafkaAdmin();

  function aBus(): KafkaEventBus {
    const bus = aKafkaBus();
    buses.push(bus);
    return bus;
  }

  /** Subscribes a consumer of book-added that records the ids it was handed. */
  async function recorder(bus: KafkaEventBus, name: string, ephemeral: boolean): Promise<string[]> {
    const handled: string[] = [];
    await bus.subscribe(
      defineConsumer({
        name,
        types: ['shelfmark.catalogue.book-added.v1'],
        ephemeral,
        handle: (event) => {
          handled.push(event.id);
          return Promise.resolve();
        },
      }),
    );
    return handled;
  }

  const groups = async () => (await admin.listGroups()).groups.map(({ groupId }) => groupId);

  beforeAll(() => admin.connect());
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });
  afterAll(() => admin.disconnect());

  it('starts from now: a new ephemeral group hears what comes after it subscribed, not before', async () => {
    const bookId = uniqueId('book');
    // One subject, so one partition: once the later event is there, the earlier would have been.
    const before = aBookAdded(bookId);
    const after = aBookAdded(bookId);
    const producer = aBus();
    await producer.publish([before]);

    const handled = await recorder(aBus(), uniqueId('router.PushOnBookAdded'), true);
    await producer.publish([after]);

    await waitFor(() => handled.includes(after.id), 'the event published after subscribing', DELIVERY_MS);
    expect(handled).toEqual([after.id]);
  });

  it('deletes the group of an ephemeral consumer when the bus closes, and keeps a durable one', async () => {
    const ephemeral = uniqueId('router.PushOnBookAdded');
    const durable = uniqueId('IndexBookOnBookAdded');
    const bus = aBus();
    const heardByEphemeral = await recorder(bus, ephemeral, true);
    const heardByDurable = await recorder(bus, durable, false);
    const book = aBookAdded();
    await aBus().publish([book]);
    await waitFor(
      () => heardByEphemeral.includes(book.id) && heardByDurable.includes(book.id),
      'both consumers to handle the event',
      DELIVERY_MS,
    );
    expect(await groups()).toEqual(expect.arrayContaining([ephemeral, durable]));

    await bus.close();

    const left = await groups();
    expect(left).toContain(durable);
    expect(left).not.toContain(ephemeral);
  });
});
