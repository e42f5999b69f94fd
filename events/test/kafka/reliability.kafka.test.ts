import { setTimeout as sleep } from 'node:timers/promises';
import { kafkaBrokersFromEnv } from '@shelfmark/local-servers';
import { Kafka, logLevel, type IHeaders, type KafkaMessage } from 'kafkajs';
import { defineConsumer, OutboxRelay, type CloudEvent, type EventType } from '../../src';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  deadLetterHeaders,
  fromDeadLetterMessage,
  KafkaEventBus,
} from '../../src/kafka';
import { contractRetryPolicy } from '../busContract';
import { waitFor } from '../support/async';
import { aBookAdded, aMemberCardIssued, aPoisonBookAdded, uniqueId } from '../support/builders';
import { Member } from '../support/Member';
import { MemoryOutboxStore } from '../support/MemoryOutboxStore';
import { aKafkaAdmin, aKafkaBus, RecordingLogger } from './kafkaTestBus';
import { chunks, EffectLedger, idsOf } from './ledger';

/** A real broker hands events over asynchronously; these deadlines only turn hangs into failures. */
const DELIVERY_MS = 30_000;

describe('KafkaEventBus against a real broker', () => {
  const buses: KafkaEventBus[] = [];

  /** A bus closed after the test, whatever happens. */
  function aBus(...args: Parameters<typeof aKafkaBus>): KafkaEventBus {
    const bus = aKafkaBus(...args);
    buses.push(bus);
    return bus;
  }

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  function recording<T extends EventType>(name: string, types: readonly T[], ledger: EffectLedger) {
    return defineConsumer<T>({
      name,
      types,
      handle: (event) => Promise.resolve(ledger.apply(event)),
    });
  }

  it('writes each event as a CloudEvent in structured mode, keyed by its aggregate', async () => {
    const book = aBookAdded();

    await aBus().publish([book]);

    const [message, ...others] = await readTopic(
      'shelfmark.catalogue',
      (m) => m.key?.toString() === book.subject,
    );
    expect(others).toEqual([]);
    expect(textOf(message?.headers)).toEqual({ 'content-type': CLOUDEVENTS_CONTENT_TYPE });
    expect(JSON.parse(message?.value?.toString() ?? 'null')).toEqual(book);
  });

  it('refuses an event whose type names no context, and any event once closed', async () => {
    const bus = aBus();
    const garbage = { ...aBookAdded(), type: 'garbage' };

    await expect(bus.publish([garbage])).rejects.toThrow(`its type "garbage" names no Shelfmark context`);
    await bus.close();
    await expect(bus.publish([aBookAdded()])).rejects.toThrow('The event bus is closed');
    await expect(bus.subscribe(recording('ShelveBookOnBookAdded', [], new EffectLedger()))).rejects.toThrow(
      'The event bus is closed',
    );
  });

  it('fails at construction on bad configuration, saying what it expected', () => {
    expect(() => new KafkaEventBus({ brokers: [], clientId: 'shelfmark-test' })).toThrow(
      '`brokers` must list at least one host:port',
    );
    expect(() => aKafkaBus({ partitions: 0 })).toThrow('`partitions` must be a positive integer, got 0');
    expect(() => aKafkaBus({ sessionTimeoutMs: 6_000, heartbeatIntervalMs: 6_000 })).toThrow(
      '`heartbeatIntervalMs` must be shorter than `sessionTimeoutMs`',
    );
  });

  it('lets a consumer that was down catch up on restart, applying each of 500 events once', async () => {
    const name = uniqueId('CountCardsOnMemberCardIssued');
    const ledger = new EffectLedger();
    const consumer = () => recording(name, ['shelfmark.members.member-card-issued.v1'], ledger);
    const members = Array.from({ length: 50 }, () => uniqueId('member'));
    const producer = aBus();
    const first = aBus();
    await first.subscribe(consumer());
    const before = members.slice(0, 10).map((member) => aMemberCardIssued(member, { number: 'C-before' }));
    await producer.publish(before);
    await waitFor(() => ledger.hasAll(idsOf(before)), 'the events before the outage', DELIVERY_MS);

    await first.close();
    // 500 events: ten cards for each of 50 members, interleaved.
    const whileDown = Array.from({ length: 10 }, (_, round) => round).flatMap((round) =>
      members.map((member) => aMemberCardIssued(member, { number: `C-${round}` })),
    );
    for (const batch of chunks(whileDown, 50)) await producer.publish(batch);
    expect(ledger.appliedCount(idsOf(whileDown))).toBe(0);

    const restarted = aBus();
    await restarted.subscribe(consumer());
    await waitFor(() => ledger.hasAll(idsOf(whileDown)), 'the consumer to catch up', DELIVERY_MS * 2);

    expect(ledger.appliedCount(idsOf(whileDown))).toBe(500);
    // The graceful close committed what it had handled: nothing from before was handled again.
    expect(new Set(ledger.deliveriesOf(idsOf([...before, ...whileDown])))).toEqual(new Set([1]));
  });

  /**
   * Publishes five cards one at a time, each once the last was counted: each comes in a fetch of
   * its own and ends its batch.
   */
  async function cardsOneByOne(producer: KafkaEventBus, ledger: EffectLedger) {
    const cards = Array.from({ length: 5 }, (_, i) =>
      aMemberCardIssued(uniqueId('member'), { number: `C-${i}` }),
    );
    for (const card of cards) {
      await producer.publish([card]);
      await waitFor(() => ledger.has(card.id), 'the card to be counted', DELIVERY_MS);
    }
    return cards;
  }

  it('commits what it handled within the commit interval, with no more events coming to carry the commit', async () => {
    const name = uniqueId('CountCardsOnMemberCardIssued');
    const ledger = new EffectLedger();
    await aBus({ commitIntervalMs: 100 }).subscribe(
      recording(name, ['shelfmark.members.member-card-issued.v1'], ledger),
    );
    await cardsOneByOne(aBus(), ledger);
    const admin = aKafkaAdmin('shelfmark-events-test-offsets');
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets('shelfmark.members');
      const committedToEnd = async () => {
        const [committed] = await admin.fetchOffsets({ groupId: name, topics: ['shelfmark.members'] });
        return ends.every(({ partition, high }) => {
          const offset = committed?.partitions.find((p) => p.partition === partition)?.offset;
          return offset !== undefined && BigInt(offset) >= BigInt(high);
        });
      };
      // Nothing else is published to the group's partitions: only the pending commit can get there.
      const deadline = Date.now() + DELIVERY_MS;
      while (!(await committedToEnd())) {
        if (Date.now() > deadline) throw new Error('Timed out waiting for the offsets past the last card');
        await sleep(50);
      }
    } finally {
      await admin.disconnect();
    }
  });

  it('commits at close what it handled and had not committed yet: nothing is delivered again', async () => {
    const name = uniqueId('CountCardsOnMemberCardIssued');
    const ledger = new EffectLedger();
    const consumer = () => recording(name, ['shelfmark.members.member-card-issued.v1'], ledger);
    // An interval no test outlasts: past the first, offsets are committed only when the bus closes.
    const first = aBus({ commitIntervalMs: 600_000 });
    await first.subscribe(consumer());
    const producer = aBus();
    const cards = await cardsOneByOne(producer, ledger);

    await first.close();
    const after = aMemberCardIssued(uniqueId('member'), { number: 'C-after' });
    await producer.publish([after]);
    await aBus().subscribe(consumer());
    await waitFor(() => ledger.has(after.id), 'the card published after the close', DELIVERY_MS);

    expect(ledger.deliveriesOf(idsOf(cards))).toEqual([1, 1, 1, 1, 1]);
  });

  it('shares the partitions between two replicas of a consumer, each event applied once in all', async () => {
    const name = uniqueId('IndexBookOnBookAdded');
    const ledger = new EffectLedger();
    const byReplica: Record<'a' | 'b', string[]> = { a: [], b: [] };
    const replica = (which: 'a' | 'b') =>
      defineConsumer({
        name,
        types: ['shelfmark.catalogue.book-added.v1'],
        handle: (event) => {
          byReplica[which].push(event.id);
          ledger.apply(event);
          return Promise.resolve();
        },
      });
    await aBus().subscribe(replica('a'));
    await aBus().subscribe(replica('b'));
    const books = Array.from({ length: 300 }, () => aBookAdded());

    const producer = aBus();
    for (const batch of chunks(books, 50)) await producer.publish(batch);
    await waitFor(() => ledger.hasAll(idsOf(books)), 'every book to be indexed', DELIVERY_MS);

    const ours = new Set(idsOf(books));
    const a = byReplica.a.filter((id) => ours.has(id));
    const b = byReplica.b.filter((id) => ours.has(id));
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.length + b.length).toBe(books.length);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect(new Set(ledger.deliveriesOf(idsOf(books)))).toEqual(new Set([1]));
  });

  it('dead-letters a poison event and a failing one to the context’s dead-letter topic, with the error, and goes on', async () => {
    const name = uniqueId('ShelveBookOnBookAdded');
    const logger = new RecordingLogger();
    const bookId = uniqueId('book');
    const poison = aPoisonBookAdded(bookId);
    const doomed = aBookAdded(bookId);
    const next = aBookAdded(bookId);
    class ShelfJammed extends Error {
      override name = 'ShelfJammed';
    }
    const handled: string[] = [];
    const bus = aBus({ logger });
    await bus.subscribe(
      defineConsumer({
        name,
        types: ['shelfmark.catalogue.book-added.v1'],
        handle: (event) => {
          if (event.id === doomed.id) return Promise.reject(new ShelfJammed(`no room for ${bookId}`));
          handled.push(event.id);
          return Promise.resolve();
        },
      }),
    );

    await bus.publish([poison, doomed, next]);
    await waitFor(() => handled.includes(next.id), 'the event after the dead letters', DELIVERY_MS);

    const letters = await readTopic('shelfmark.catalogue.dead-letter', (message) =>
      [poison.id, doomed.id].includes(deadEventId(message)),
    );
    const letterOf = (event: CloudEvent) => {
      const message = letters.find((m) => deadEventId(m) === event.id);
      if (!message) throw new Error(`no dead letter for ${event.id}`);
      return { message, letter: fromDeadLetterMessage(message), headers: textOf(message.headers) };
    };

    const rejected = letterOf(poison);
    expect(rejected.message.key?.toString()).toBe(bookId);
    expect(rejected.letter).toEqual(
      expect.objectContaining({
        consumer: name,
        event: poison,
        error: { name: 'ContractViolation', message: expect.stringMatching(/data\.isbn/) as string },
        attempts: 1,
        source: expect.objectContaining({ topic: 'shelfmark.catalogue' }) as object,
      }),
    );
    expect(rejected.headers).toEqual(
      expect.objectContaining({
        [deadLetterHeaders.consumer]: name,
        [deadLetterHeaders.errorName]: 'ContractViolation',
        [deadLetterHeaders.attempts]: '1',
      }),
    );

    const failed = letterOf(doomed);
    expect(failed.letter).toEqual(
      expect.objectContaining({
        consumer: name,
        event: doomed,
        error: { name: 'ShelfJammed', message: `no room for ${bookId}` },
        attempts: contractRetryPolicy.attempts,
      }),
    );
    expect(failed.headers[deadLetterHeaders.errorMessage]).toBe(`no room for ${bookId}`);
    expect(handled).toEqual([next.id]);
    expect(letters).toHaveLength(2);
  });

  it('applies the events of each aggregate in order while partitions are handled concurrently', async () => {
    const name = uniqueId('TrackCardsOnMemberCardIssued');
    const members = Array.from({ length: 30 }, () => uniqueId('member'));
    const applied = new Map<string, string[]>();
    let inFlight = 0;
    let mostInFlight = 0;
    await aBus({ partitions: 3 }).subscribe(
      defineConsumer({
        name,
        types: ['shelfmark.members.member-card-issued.v1'],
        async handle(event) {
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await sleep(Math.random() < 0.5 ? 0 : 2);
          applied.set(event.subject, [...(applied.get(event.subject) ?? []), event.data.number]);
          inFlight -= 1;
        },
      }),
    );
    const rounds = 10;
    const producer = aBus({ partitions: 3 });
    // Interleaved: every round publishes the next card of every member, in a shuffled order.
    for (let round = 0; round < rounds; round += 1) {
      const batch = members.map((member) => aMemberCardIssued(member, { number: `C-${round}` }));
      await producer.publish(batch.sort(() => Math.random() - 0.5));
    }
    await waitFor(
      () => members.every((member) => (applied.get(member)?.length ?? 0) === rounds),
      'every card of every member',
      DELIVERY_MS,
    );

    const expected = Array.from({ length: rounds }, (_, round) => `C-${round}`);
    for (const member of members) expect(applied.get(member)).toEqual(expected);
    expect(mostInFlight).toBeGreaterThan(1);
  });

  it('keeps a handler that runs longer than the session timeout in the group: its event is not handed to anyone again', async () => {
    const name = uniqueId('ShelveBookSlowlyOnBookAdded');
    const sessionTimeoutMs = 6_000;
    const slow = aBookAdded();
    const after = aBookAdded(slow.subject);
    const calls: string[] = [];
    await aBus({ sessionTimeoutMs, heartbeatIntervalMs: 500 }).subscribe(
      defineConsumer({
        name,
        types: ['shelfmark.catalogue.book-added.v1'],
        async handle(event) {
          calls.push(event.id);
          if (event.id === slow.id) await sleep(sessionTimeoutMs + 2_000);
        },
      }),
    );

    await aBus().publish([slow, after]);
    await waitFor(() => calls.includes(after.id), 'the event after the slow one', DELIVERY_MS);

    expect(calls).toEqual([slow.id, after.id]);
  });

  describe('with an outbox, when the process dies between the state change and its publication', () => {
    const types = [
      'shelfmark.members.member-registered.v1',
      'shelfmark.members.member-card-issued.v1',
    ] as const;

    async function aMemberWithUnpublishedEvents() {
      const store = new MemoryOutboxStore<Member>('Member');
      const member = Member.register(uniqueId('member'));
      member.issueCard('C-1');
      store.save(member); // the state change and its events, committed in one write
      const events = [...member.outbox];
      const ledger = new EffectLedger();
      await aBus().subscribe(recording(uniqueId('TrackMembersOnMemberEvents'), types, ledger));
      return { store, events, ledger };
    }

    it('publishes the events from the outbox after the restart, and the consumer applies them once', async () => {
      const { store, events, ledger } = await aMemberWithUnpublishedEvents();
      // The first process dies before its relay publishes: its bus is gone.
      const dead = aBus();
      await dead.close();
      await expect(new OutboxRelay([store], dead).publishOnce()).rejects.toThrow('The event bus is closed');
      expect(store.unpublished()).toEqual(idsOf(events));

      await new OutboxRelay([store], aBus()).drain();
      await waitFor(() => ledger.hasAll(idsOf(events)), 'the events to be applied', DELIVERY_MS);

      expect(store.unpublished()).toEqual([]);
      expect(ledger.deliveriesOf(idsOf(events))).toEqual([1, 1]);
      expect(ledger.order).toEqual(idsOf(events));
    });

    it('publishes them again when it died after Kafka acknowledged them, and they are still applied once', async () => {
      const { store, events, ledger } = await aMemberWithUnpublishedEvents();
      // Kafka acknowledged, but the process died before the outbox forgot the events.
      store.failMarkPublished(1);
      await expect(new OutboxRelay([store], aBus()).publishOnce()).rejects.toThrow('could not write');
      expect(store.unpublished()).toEqual(idsOf(events));

      await new OutboxRelay([store], aBus()).drain();
      await waitFor(
        () => ledger.deliveriesOf(idsOf(events)).every((count) => count === 2),
        'both publications to arrive',
        DELIVERY_MS,
      );

      expect(store.unpublished()).toEqual([]);
      expect(ledger.order).toEqual(idsOf(events));
    });
  });
});

/** Reads a topic from its start up to its current end, keeping the messages that match. */
async function readTopic(topic: string, keep: (message: KafkaMessage) => boolean): Promise<KafkaMessage[]> {
  const kafka = new Kafka({
    clientId: 'shelfmark-events-test-reader',
    brokers: kafkaBrokersFromEnv(),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  // Right after a topic is created its partitions may still be electing a leader ("not the
  // leader"): a retriable answer, so wait for the election rather than fail (slow on a busy machine).
  const deadline = Date.now() + DELIVERY_MS;
  let ends: Awaited<ReturnType<typeof admin.fetchTopicOffsets>>;
  for (;;) {
    try {
      ends = await admin.fetchTopicOffsets(topic);
      break;
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.disconnect();
  const remaining = new Map(
    ends.filter((end) => end.high !== end.low).map((end) => [end.partition, end.high]),
  );
  const kept: KafkaMessage[] = [];
  const reader = kafka.consumer({ groupId: uniqueId('dead-letter-reader'), maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topic, fromBeginning: true });
  await reader.run({
    eachMessage: ({ partition, message }) => {
      if (keep(message)) kept.push(message);
      if (BigInt(message.offset) + 1n >= BigInt(remaining.get(partition) ?? '0')) remaining.delete(partition);
      return Promise.resolve();
    },
  });
  try {
    await waitFor(() => remaining.size === 0, `the end of ${topic}`, DELIVERY_MS);
  } finally {
    await reader.disconnect();
  }
  return kept;
}

function deadEventId(message: KafkaMessage): string {
  const { event } = fromDeadLetterMessage(message);
  return String((event as { id?: unknown } | null)?.id);
}

function textOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [
      name,
      Buffer.isBuffer(value) ? value.toString() : String(value),
    ]),
  );
}
