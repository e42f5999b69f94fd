import { defineConsumer, MemoryDeadLetterSink, type EventType } from '../../src';
import type { KafkaEventBus, KafkaEventBusOptions } from '../../src/kafka';
import { waitFor } from '../support/async';
import { aBookAdded, aMemberCardIssued, uniqueId } from '../support/builders';
import { aKafkaAdmin, aKafkaBus } from './kafkaTestBus';
import { EffectLedger, idsOf } from './ledger';

/** A real broker hands events over asynchronously; this deadline only turns a hang into a failure. */
const DELIVERY_MS = 30_000;

/**
 * A process's consumers in one consumer group (ADR 26): each event fetched and committed once for
 * them all, each consumer still handling what it subscribed to with its own retries and dead
 * letters, and the group taking over where the consumers' own groups left off.
 */
describe('KafkaEventBus: the consumers of a process as one group', () => {
  const buses: KafkaEventBus[] = [];
  const admin = aKafkaAdmin();

  function aBus(options: Partial<KafkaEventBusOptions> = {}): KafkaEventBus {
    const bus = aKafkaBus(options);
    buses.push(bus);
    return bus;
  }

  beforeAll(() => admin.connect());
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });
  afterAll(() => admin.disconnect());

  /** A consumer that applies what it is handed to its ledger, failing on the ids in `refuses`. */
  function recording<T extends EventType>(
    name: string,
    types: readonly T[],
    ledger: EffectLedger,
    refuses: readonly string[] = [],
  ) {
    return defineConsumer<T>({
      name,
      types,
      handle: (event) => {
        if (refuses.includes(event.id)) return Promise.reject(new Error(`${name} refuses ${event.id}`));
        ledger.apply(event);
        return Promise.resolve();
      },
    });
  }

  it('hands each consumer what it subscribed to, dead-letters one consumer’s failure under its name, and is one group', async () => {
    const group = uniqueId('members');
    const cards = [aMemberCardIssued(uniqueId('member')), aMemberCardIssued(uniqueId('member'))];
    const [card, refused] = cards as [(typeof cards)[0], (typeof cards)[0]];
    const book = aBookAdded();
    const counted = new EffectLedger();
    const archived = new EffectLedger();
    const shelved = new EffectLedger();
    const deadLetters = new MemoryDeadLetterSink();
    const count = `${group}.CountCardsOnMemberCardIssued`;
    const archive = `${group}.ArchiveCardsOnMemberCardIssued`;
    const shelve = `${group}.ShelveBookOnBookAdded`;

    await aBus({ deadLetters }).subscribeGroup(group, [
      recording(count, ['shelfmark.members.member-card-issued.v1'], counted),
      recording(archive, ['shelfmark.members.member-card-issued.v1'], archived, [refused.id]),
      recording(shelve, ['shelfmark.catalogue.book-added.v1'], shelved),
    ]);
    await aBus().publish([...cards, book]);

    await waitFor(() => counted.hasAll(idsOf(cards)), 'both cards to be counted', DELIVERY_MS);
    await waitFor(() => shelved.has(book.id), 'the book to be shelved', DELIVERY_MS);
    await waitFor(() => deadLetters.letters.length > 0, 'the refused card’s dead letter', DELIVERY_MS);
    expect(archived.deliveriesOf([card.id, refused.id])).toEqual([1, 0]);
    expect(deadLetters.letters).toEqual([
      expect.objectContaining({
        consumer: archive,
        event: refused,
        error: { name: 'Error', message: `${archive} refuses ${refused.id}` },
      }),
    ]);
    expect(shelved.deliveriesOf(idsOf(cards))).toEqual([0, 0]);
    const groups = (await admin.listGroups()).groups.map(({ groupId }) => groupId);
    expect(groups).toContain(group);
    expect(groups.filter((name) => [count, archive, shelve].includes(name))).toEqual([]);
  });

  it('takes over where the consumers’ own groups left off: what they had not handled comes, what they had does not', async () => {
    const group = uniqueId('members');
    const count = `${group}.CountCardsOnMemberCardIssued`;
    const counted = new EffectLedger();
    const archived = new EffectLedger();
    const before = aMemberCardIssued(uniqueId('member'), { number: 'C-before' });
    const whileSwitching = aMemberCardIssued(uniqueId('member'), { number: 'C-between' });
    const producer = aBus();

    // Before: the consumer in a group of its own, which commits what it handled as it closes.
    const old = aBus();
    await old.subscribe(recording(count, ['shelfmark.members.member-card-issued.v1'], counted));
    await producer.publish([before]);
    await waitFor(() => counted.has(before.id), 'the card before the switch', DELIVERY_MS);
    await old.close();
    // Published while no process of the context runs.
    await producer.publish([whileSwitching]);

    await aBus().subscribeGroup(group, [
      recording(count, ['shelfmark.members.member-card-issued.v1'], counted),
      recording(
        `${group}.ArchiveCardsOnMemberCardIssued`,
        ['shelfmark.members.member-card-issued.v1'],
        archived,
      ),
    ]);

    await waitFor(() => counted.has(whileSwitching.id), 'the card published while switching', DELIVERY_MS);
    await waitFor(() => archived.has(whileSwitching.id), 'the new consumer to see it too', DELIVERY_MS);
    expect(counted.deliveriesOf([before.id, whileSwitching.id])).toEqual([1, 1]);
  });

  it('refuses a group with an ephemeral consumer, which needs a group of its own', async () => {
    const feed = defineConsumer({
      name: uniqueId('router.feed'),
      types: ['shelfmark.catalogue.book-added.v1'],
      ephemeral: true,
      handle: () => Promise.resolve(),
    });

    await expect(aBus().subscribeGroup(uniqueId('router'), [feed])).rejects.toThrow(
      `${feed.name} is ephemeral: it needs a group of its own (subscribe it alone)`,
    );
  });
});
