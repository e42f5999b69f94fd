import {
  defineConsumer,
  InProcessEventBus,
  OutboxRelay,
  type CloudEvent,
  type Consumer,
  type EventBus,
  type Logger,
  type PendingEvents,
} from '../src';
import { contractRetryPolicy } from './busContract';
import { gate, settle, waitFor } from './support/async';
import { Member } from './support/Member';
import { MemoryOutboxStore } from './support/MemoryOutboxStore';

/** A bus that records what it accepted and can refuse chosen publish calls. */
class RecordingBus implements EventBus {
  readonly batches: CloudEvent[][] = [];
  private calls = 0;

  constructor(private readonly refuse: (call: number) => boolean = () => false) {}

  get published(): string[] {
    return this.batches.flat().map((event) => event.id);
  }

  publish(events: readonly CloudEvent[]): Promise<void> {
    this.calls += 1;
    if (this.refuse(this.calls)) return Promise.reject(new Error('broker unavailable'));
    this.batches.push([...events]);
    return Promise.resolve();
  }

  subscribe(_: Consumer): Promise<void> {
    return Promise.resolve();
  }
  subscribeGroup(_: string, __: readonly Consumer[]): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function warningsLogger(): Logger & { readonly warnings: string[] } {
  const warnings: string[] = [];
  const ignore = () => undefined;
  return {
    warnings,
    info: ignore,
    debug: ignore,
    error: ignore,
    warn: (_, msg) => void warnings.push(msg ?? ''),
  };
}

function memberWithCards(id: string, ...cards: string[]): Member {
  const member = Member.register(id);
  for (const card of cards) member.issueCard(card);
  return member;
}

const idsOf = (member: Member) => member.outbox.map((event) => event.id);

/** A poll interval no test outlasts: only wakes make passes. */
const aMinute = 60_000;

/** A store that also tells the relay what was just committed (as MikroOrmOutboxStore does). */
class WrittenOutboxStore extends MemoryOutboxStore<Member> {
  private written: PendingEvents[] = [];
  /** Set to say it cannot tell what was written (the relay must read). */
  unknown = false;

  /** Stores the member and remembers it as written, as a flush seen by the store would. */
  commit(member: Member): void {
    this.save(member);
    this.written.push({ aggregate: { type: this.type, id: member.id }, events: [...member.outbox] });
  }

  takeWritten(limit: number): PendingEvents[] | undefined {
    if (this.unknown) {
      this.unknown = false;
      return undefined;
    }
    return this.written.splice(0, limit);
  }
}

describe('OutboxRelay', () => {
  let store: MemoryOutboxStore<Member>;
  let relay: OutboxRelay | undefined;

  beforeEach(() => {
    store = new MemoryOutboxStore<Member>('Member');
  });

  afterEach(async () => {
    await relay?.stop();
    relay = undefined;
  });

  describe('acknowledgeWoken', () => {
    it('resolves once the bus accepted the woken events, while they are still being removed from the outbox', async () => {
      const bus = new RecordingBus();
      relay = new OutboxRelay([store], bus, { pollIntervalMs: aMinute });
      const marks = gate();
      store.holdMarks = marks.opened;
      const ada = memberWithCards('ada', 'C-1');
      store.save(ada);
      relay.wake([store.type]);

      await relay.acknowledgeWoken();

      expect(bus.published).toEqual(idsOf(ada));
      expect(ada.hasOutbox).toBe(true);
      // The whole pass is over only once the outbox is emptied.
      let over = false;
      const done = relay.publishWoken().then(() => (over = true));
      await settle();
      expect(over).toBe(false);
      marks.open();
      await done;
      expect(ada.hasOutbox).toBe(false);
    });

    it('rejects when the bus refuses, and the events stay for the next pass', async () => {
      const bus = new RecordingBus((call) => call === 1);
      relay = new OutboxRelay([store], bus, { pollIntervalMs: aMinute });
      const ada = memberWithCards('ada', 'C-1');
      store.save(ada);
      const events = idsOf(ada);
      relay.wake([store.type]);

      await expect(relay.acknowledgeWoken()).rejects.toThrow('broker unavailable');

      expect(store.unpublished()).toEqual(events);
      await relay.publishOnce();
      expect(bus.published).toEqual(events);
      expect(store.unpublished()).toEqual([]);
    });

    it('logs a removal that fails after the acknowledgement once per pass, however many requests waited', async () => {
      const logger = warningsLogger();
      relay = new OutboxRelay([store], new RecordingBus(), { pollIntervalMs: aMinute, logger });
      // A pass under way (reading an empty outbox): the requests below all wait for the next one.
      const reading = gate();
      store.holdPending = reading.opened;
      const under = relay.publishOnce();
      const ada = memberWithCards('ada', 'C-1');
      store.save(ada);
      relay.wake([store.type]);
      const waiting = [relay.acknowledgeWoken(), relay.acknowledgeWoken(), relay.acknowledgeWoken()];
      store.failMarkPublished();
      store.holdPending = undefined;
      reading.open();
      await under;

      await Promise.all(waiting);
      await waitFor(() => logger.warnings.length > 0, 'the failed removal to be logged');
      await settle();
      expect(logger.warnings).toEqual([
        'outbox relay pass failed after its events were acknowledged; the next pass reads the outboxes again',
      ]);
      expect(store.unpublished()).toEqual(idsOf(ada));
    });

    it('resolves at once when nothing was woken', async () => {
      relay = new OutboxRelay([store], new RecordingBus(), { pollIntervalMs: aMinute });

      await expect(relay.acknowledgeWoken()).resolves.toBeUndefined();
    });
  });

  describe('drain', () => {
    it('publishes every pending event, each aggregate’s in order, and marks them published', async () => {
      const ada = memberWithCards('ada', 'C-1', 'C-2');
      const grace = memberWithCards('grace');
      store.save(ada, grace);
      const [adaEvents, graceEvents] = [idsOf(ada), idsOf(grace)];
      const bus = new RecordingBus();

      await new OutboxRelay([store], bus).drain();

      expect(bus.batches.map((batch) => batch.map((event) => event.id))).toEqual([adaEvents, graceEvents]);
      expect(store.unpublished()).toEqual([]);
      expect(ada.hasOutbox).toBe(false);
      expect(grace.hasOutbox).toBe(false);
    });

    it('publishes nothing and returns when every outbox is empty', async () => {
      const member = memberWithCards('ada');
      member.markPublished(idsOf(member));
      store.save(member);
      const bus = new RecordingBus();

      await new OutboxRelay([store], bus).drain();

      expect(bus.batches).toEqual([]);
    });

    it('asks each store for at most a batch and keeps going until nothing is left', async () => {
      const members = ['a', 'b', 'c'].map((id) => memberWithCards(id, `C-${id}`));
      store.save(...members);
      const expected = members.flatMap(idsOf);
      const bus = new RecordingBus();

      await new OutboxRelay([store], bus, { batchSize: 1 }).drain();

      expect(bus.published).toEqual(expected);
      expect(store.pendingCalls).toEqual([1, 1, 1, 1]);
      expect(store.unpublished()).toEqual([]);
    });

    it('publishes the outboxes of every store', async () => {
      const other = new MemoryOutboxStore<Member>('Librarian');
      store.save(memberWithCards('ada'));
      other.save(memberWithCards('grace', 'C-9'));
      const expected = [...store.aggregates.values(), ...other.aggregates.values()].flatMap(idsOf);
      const bus = new RecordingBus();

      await new OutboxRelay([store, other], bus).drain();

      expect(bus.published).toEqual(expected);
      expect([...store.unpublished(), ...other.unpublished()]).toEqual([]);
    });

    it('loses nothing when the bus refuses: the events stay in the outbox and a later pass publishes them', async () => {
      const ada = memberWithCards('ada', 'C-1');
      store.save(ada);
      const events = idsOf(ada);
      const bus = new RecordingBus((call) => call === 1);
      const outboxRelay = new OutboxRelay([store], bus);

      await expect(outboxRelay.drain()).rejects.toThrow('broker unavailable');
      expect(store.unpublished()).toEqual(events);
      expect(ada.hasOutbox).toBe(true);

      await outboxRelay.drain();
      expect(bus.published).toEqual(events);
      expect(store.unpublished()).toEqual([]);
    });

    it('marks what the bus accepted even when it refuses a later aggregate', async () => {
      const [ada, grace] = [memberWithCards('ada'), memberWithCards('grace')];
      store.save(ada, grace);
      const [adaEvents, graceEvents] = [idsOf(ada), idsOf(grace)];
      const bus = new RecordingBus((call) => call === 2);
      const outboxRelay = new OutboxRelay([store], bus);

      await expect(outboxRelay.drain()).rejects.toThrow('broker unavailable');
      expect(store.unpublished()).toEqual(graceEvents);

      await outboxRelay.drain();
      expect(bus.published).toEqual([...adaEvents, ...graceEvents]);
    });

    it('publishes at least once: an event whose marking failed is published again, and consumers see it twice', async () => {
      const bus = new InProcessEventBus({ retry: contractRetryPolicy });
      const seen: string[] = [];
      await bus.subscribe(
        defineConsumer({
          name: 'IssueCardOnMemberRegistered',
          types: ['shelfmark.members.member-registered.v1'],
          handle: (event) => Promise.resolve(void seen.push(event.id)),
        }),
      );
      bus.open();
      const ada = Member.register('ada');
      store.save(ada);
      const [registered] = idsOf(ada);
      store.failMarkPublished();
      const outboxRelay = new OutboxRelay([store], bus);

      await expect(outboxRelay.drain()).rejects.toThrow('could not write Member ada');
      expect(seen).toEqual([registered]);
      expect(store.unpublished()).toEqual([registered]);

      await outboxRelay.drain();
      expect(seen).toEqual([registered, registered]);
      expect(store.unpublished()).toEqual([]);
      await bus.close();
    });
  });

  describe('publishOnce', () => {
    it('never runs two passes at once: callers arriving during a pass share the next one', async () => {
      const bus = new RecordingBus();
      const reading = gate();
      const ada = memberWithCards('ada', 'C-1');
      store.save(ada);
      const adaEvents = idsOf(ada);
      store.holdPending = reading.opened;
      const outboxRelay = new OutboxRelay([store], bus);

      const first = outboxRelay.publishOnce();
      await settle();
      const grace = memberWithCards('grace');
      store.save(grace);
      const graceEvents = idsOf(grace);
      const [second, third] = [outboxRelay.publishOnce(), outboxRelay.publishOnce()];
      await settle();
      expect(store.pendingCalls).toHaveLength(1);

      store.holdPending = undefined;
      reading.open();

      await expect(first).resolves.toBe(adaEvents.length);
      await expect(second).resolves.toBe(graceEvents.length);
      await expect(third).resolves.toBe(graceEvents.length);
      expect(store.pendingCalls).toHaveLength(2);
      expect(bus.published).toEqual([...adaEvents, ...graceEvents]);
    });
  });

  describe('start, wake and stop', () => {
    /** A relay over a store that can say what was written, started, past its first pass (which reads). */
    async function relayOverWrittenStore(
      bus: RecordingBus,
    ): Promise<{ started: OutboxRelay; written: WrittenOutboxStore }> {
      const written = new WrittenOutboxStore('Member');
      const started = new OutboxRelay([written], bus, { pollIntervalMs: aMinute });
      relay = started;
      started.start();
      await waitFor(() => written.pendingCalls.length === 1, 'the first pass, which reads');
      await settle();
      return { started, written };
    }

    it('publishes promptly when woken, without waiting for the next poll', async () => {
      const bus = new RecordingBus();
      relay = new OutboxRelay([store], bus, { pollIntervalMs: aMinute });
      relay.start();
      await waitFor(() => store.pendingCalls.length === 1, 'the first, empty pass');
      await settle();

      const ada = memberWithCards('ada', 'C-1');
      store.save(ada);
      const events = idsOf(ada);
      relay.wake();

      await waitFor(() => bus.published.length === events.length, 'the woken relay to publish');
      expect(bus.published).toEqual(events);
      await waitFor(() => !ada.hasOutbox, 'the events to be marked published');
    });

    it('reads only the outboxes of the aggregate types a wake names; a poll reads them all', async () => {
      const bus = new RecordingBus();
      const other = new MemoryOutboxStore<Member>('Other');
      relay = new OutboxRelay([store, other], bus, { pollIntervalMs: aMinute });
      relay.start();
      await waitFor(
        () => store.pendingCalls.length === 1 && other.pendingCalls.length === 1,
        'the first pass',
      );
      await settle();

      const ada = memberWithCards('ada', 'C-1');
      store.save(ada);
      const events = idsOf(ada);
      relay.wake([store.type]);
      await waitFor(() => bus.published.length === events.length, 'the woken type to publish');
      await settle();
      expect(store.pendingCalls).toHaveLength(2);
      expect(other.pendingCalls).toHaveLength(1);

      // publishOnce (shutdown, tests) and a poll read every store.
      await relay.publishOnce();
      expect(other.pendingCalls).toHaveLength(2);
    });

    it('takes what a store hands over as just written for a woken pass, without reading its outbox', async () => {
      const bus = new RecordingBus();
      const { started, written } = await relayOverWrittenStore(bus);

      const ada = memberWithCards('ada', 'C-1');
      const adaEvents = idsOf(ada);
      written.commit(ada);
      started.wake([written.type]);
      await started.publishWoken();
      expect(bus.published).toEqual(adaEvents);
      expect(written.pendingCalls).toHaveLength(1);
      await waitFor(() => !ada.hasOutbox, 'the events to be marked published');

      // A store that cannot say what was written is read; so is every store by publishOnce and a poll.
      const grace = memberWithCards('grace');
      const graceEvents = idsOf(grace);
      written.save(grace);
      written.unknown = true;
      started.wake([written.type]);
      await started.publishWoken();
      expect(written.pendingCalls).toHaveLength(2);
      expect(bus.published).toEqual([...adaEvents, ...graceEvents]);
      await started.publishOnce();
      expect(written.pendingCalls).toHaveLength(3);
    });

    it('reads the outbox on the next pass when publishing what was handed over fails', async () => {
      const bus = new RecordingBus((call) => call === 1);
      const { started, written } = await relayOverWrittenStore(bus);

      const ada = memberWithCards('ada', 'C-1');
      const events = idsOf(ada);
      written.commit(ada);
      started.wake([written.type]);
      await expect(started.publishWoken()).rejects.toThrow('broker unavailable');
      started.wake([written.type]);
      await started.publishWoken();
      expect(bus.published).toEqual(events);
      expect(written.pendingCalls).toHaveLength(2);
    });

    it('does not miss a wake that comes while a pass is reading the outboxes', async () => {
      const bus = new RecordingBus();
      const reading = gate();
      store.holdPending = reading.opened;
      relay = new OutboxRelay([store], bus, { pollIntervalMs: aMinute });
      relay.start();
      await waitFor(() => store.pendingCalls.length === 1, 'the first pass to read');

      const ada = memberWithCards('ada');
      store.save(ada);
      const events = idsOf(ada);
      relay.wake();
      store.holdPending = undefined;
      reading.open();

      await waitFor(() => bus.published.length === events.length, 'a second pass for the wake');
      expect(bus.published).toEqual(events);
    });

    it('keeps polling, so events committed without a wake are still published', async () => {
      const bus = new RecordingBus();
      relay = new OutboxRelay([store], bus, { pollIntervalMs: 2 });
      relay.start();
      await waitFor(() => store.pendingCalls.length >= 1, 'the first pass');

      const ada = memberWithCards('ada');
      store.save(ada);
      const events = idsOf(ada);

      await waitFor(() => bus.published.length === events.length, 'a poll to publish');
      expect(bus.published).toEqual(events);
    });

    it('survives a failing pass, logs it, and publishes on a later one', async () => {
      const bus = new RecordingBus((call) => call === 1);
      const logger = warningsLogger();
      const ada = memberWithCards('ada', 'C-1');
      store.save(ada);
      const events = idsOf(ada);
      relay = new OutboxRelay([store], bus, { pollIntervalMs: 2, logger });
      relay.start();

      await waitFor(() => bus.published.length === events.length, 'a later pass to publish');
      expect(bus.published).toEqual(events);
      expect(logger.warnings).toContain('outbox relay pass failed; will retry');
    });

    it('ends the loop on stop(), even while it sleeps until a distant poll', async () => {
      const bus = new RecordingBus();
      relay = new OutboxRelay([store], bus, { pollIntervalMs: aMinute });
      relay.start();
      await waitFor(() => store.pendingCalls.length === 1, 'the first pass');
      await settle();

      await relay.stop();
      const passes = store.pendingCalls.length;
      store.save(memberWithCards('ada'));
      relay.wake();
      await settle();

      expect(store.pendingCalls).toHaveLength(passes);
      expect(bus.published).toEqual([]);
      expect(store.unpublished()).toHaveLength(1);
    });

    it('starts one loop only, however often start() is called', async () => {
      const bus = new RecordingBus();
      const reading = gate();
      store.holdPending = reading.opened;
      relay = new OutboxRelay([store], bus, { pollIntervalMs: aMinute });

      relay.start();
      relay.start();
      await settle();

      expect(store.pendingCalls).toHaveLength(1);
      store.holdPending = undefined;
      reading.open();
    });

    it('can be started again after stop()', async () => {
      const bus = new RecordingBus();
      relay = new OutboxRelay([store], bus, { pollIntervalMs: aMinute });
      relay.start();
      await relay.stop();

      store.save(memberWithCards('ada'));
      relay.start();

      await waitFor(() => bus.published.length === 1, 'the restarted relay to publish');
    });

    // Regression: a start() while stop() was still waiting was ignored, leaving the relay stopped.
    it('runs again when start() comes while stop() is still finishing a pass', async () => {
      const bus = new RecordingBus();
      const reading = gate();
      store.holdPending = reading.opened;
      relay = new OutboxRelay([store], bus, { pollIntervalMs: aMinute });
      relay.start();
      await waitFor(() => store.pendingCalls.length === 1, 'the first pass to begin');

      const stopped = relay.stop();
      relay.start();
      store.holdPending = undefined;
      reading.open();
      await stopped;

      store.save(memberWithCards('ada'));
      relay.wake();
      await waitFor(() => bus.published.length === 1, 'the restarted relay to publish');
    });
  });
});
