import {
  defineConsumer,
  type Consumer,
  type EventBus,
  type EventType,
  type MemoryDeadLetterSink,
  type RetryPolicy,
  type ShelfmarkEvent,
} from '../src';
import { gate, settle, waitFor } from './support/async';
import {
  aBookAdded,
  aCopyAdded,
  aMemberCardIssued,
  aMemberRegistered,
  aPoisonBookAdded,
  uniqueId,
} from './support/builders';

/**
 * The retry policy every adapter under the contract must be built with, so the suite knows how
 * many attempts a failing handler gets and stays fast.
 */
export const contractRetryPolicy: RetryPolicy = { attempts: 3, initialDelayMs: 1, maxDelayMs: 5 };

/** A fresh bus for one test, wired to a dead-letter sink the suite can read. */
export interface BusUnderTest {
  readonly bus: EventBus;
  /** Lets publication flow once the consumers are subscribed, for adapters that hold it back. */
  open?(): void;
  /** Where the adapter sends dead letters. */
  readonly deadLetters: MemoryDeadLetterSink;
}

export interface BusContractOptions {
  /** How long to wait for an effect before failing; a real broker needs longer than memory. */
  readonly waitMs?: number;
}

/**
 * The one contract suite every {@link EventBus} adapter must pass (style.md: the same assertions
 * prove the in-process bus and Kafka).
 *
 * `makeBus` builds a new bus per test with {@link contractRetryPolicy}. The suite closes it after
 * each test (possibly a second time, so `close` must be idempotent). Adapters may share a broker
 * between tests: every test uses fresh consumer names and aggregate ids and only looks at the
 * events it published itself. Delivery may be asynchronous, so the suite waits for effects; what
 * only holds for one adapter (e.g. the in-process bus resolving `publish` after the effects) is
 * asserted in that adapter's own tests.
 */
export function busContract(
  name: string,
  makeBus: () => Promise<BusUnderTest>,
  { waitMs = 2_000 }: BusContractOptions = {},
): void {
  describe(`${name} honours the EventBus contract`, () => {
    let subject: BusUnderTest;
    let consumerNames: string[];

    beforeEach(async () => {
      subject = await makeBus();
      consumerNames = [];
    });

    afterEach(async () => {
      await subject.bus.close();
    });

    /** A consumer named for what it does, made unique so its group never shares offsets. */
    function recorder<T extends EventType>(
      role: string,
      types: readonly T[],
      effect: (event: ShelfmarkEvent<T>) => Promise<void> | void = () => undefined,
    ): { consumer: Consumer; handled: Array<ShelfmarkEvent<T>>; calls: string[] } {
      const handled: Array<ShelfmarkEvent<T>> = [];
      const calls: string[] = [];
      const consumerName = uniqueId(role);
      consumerNames.push(consumerName);
      const consumer = defineConsumer<T>({
        name: consumerName,
        types,
        async handle(event) {
          calls.push(event.id);
          await effect(event);
          handled.push(event);
        },
      });
      return { consumer, handled, calls };
    }

    async function subscribeAll(...consumers: Consumer[]): Promise<void> {
      for (const consumer of consumers) await subject.bus.subscribe(consumer);
      subject.open?.();
    }

    const idsOf = (events: ReadonlyArray<{ id: string }>) => events.map((event) => event.id);
    const only = (ids: readonly string[], among: readonly string[]) => among.filter((id) => ids.includes(id));
    const until = (condition: () => boolean, what: string) => waitFor(condition, what, waitMs);
    const lettersFor = (eventId: string) =>
      subject.deadLetters.letters.filter(
        (letter) =>
          (letter.event as { id?: unknown } | null)?.id === eventId &&
          consumerNames.includes(letter.consumer),
      );

    it('delivers each published event to a consumer of its type exactly once', async () => {
      const shelve = recorder('ShelveBookOnBookAdded', ['shelfmark.catalogue.book-added.v1']);
      await subscribeAll(shelve.consumer);
      const books = [aBookAdded(), aBookAdded(), aBookAdded()];

      await subject.bus.publish(books);
      await until(() => only(idsOf(books), idsOf(shelve.handled)).length === books.length, 'the three books');
      await subject.bus.close();

      expect(only(idsOf(books), idsOf(shelve.handled)).sort()).toEqual(idsOf(books).sort());
      expect(shelve.handled.find((event) => event.id === books[0]!.id)).toEqual(books[0]);
    });

    it('delivers the events of one aggregate in the order they were published', async () => {
      const cards = recorder('TrackCardsOnMemberEvents', [
        'shelfmark.members.member-registered.v1',
        'shelfmark.members.member-card-issued.v1',
      ]);
      await subscribeAll(cards.consumer);
      const ada = uniqueId('member');
      const grace = uniqueId('member');
      const history = [
        aMemberRegistered(ada),
        aMemberRegistered(grace),
        ...Array.from({ length: 8 }, (_, i) => aMemberCardIssued(i % 2 ? ada : grace, { number: `C-${i}` })),
      ];

      await subject.bus.publish(history.slice(0, 4));
      for (const event of history.slice(4)) await subject.bus.publish([event]);
      await until(
        () => only(idsOf(history), idsOf(cards.handled)).length === history.length,
        'every member event',
      );

      for (const member of [ada, grace]) {
        const published = idsOf(history.filter((event) => event.subject === member));
        expect(only(published, idsOf(cards.handled))).toEqual(published);
      }
    });

    it('gives a consumer only the types it subscribed to', async () => {
      const registered = recorder('WelcomeMemberOnMemberRegistered', [
        'shelfmark.members.member-registered.v1',
      ]);
      await subscribeAll(registered.consumer);
      const member = uniqueId('member');
      const welcome = aMemberRegistered(member);
      const others = [aMemberCardIssued(member), aBookAdded(), aCopyAdded()];
      const last = aMemberRegistered();

      await subject.bus.publish([welcome, ...others, last]);
      await until(
        () => only([welcome.id, last.id], idsOf(registered.handled)).length === 2,
        'both registrations',
      );
      await subject.bus.close();

      // Two aggregates: a partitioned bus keeps no order between them, only within each.
      expect(only([welcome.id, last.id], idsOf(registered.handled)).sort()).toEqual(
        [welcome.id, last.id].sort(),
      );
      expect(registered.calls.filter((id) => idsOf(others).includes(id))).toEqual([]);
      for (const event of registered.handled)
        expect(event.type).toBe('shelfmark.members.member-registered.v1');
    });

    it('gives every consumer of a type its own copy of each event', async () => {
      const shelve = recorder('ShelveBookOnBookAdded', ['shelfmark.catalogue.book-added.v1']);
      const index = recorder('IndexBookOnBookAdded', ['shelfmark.catalogue.book-added.v1']);
      await subscribeAll(shelve.consumer, index.consumer);
      const book = aBookAdded();

      await subject.bus.publish([book]);
      await until(
        () => idsOf(shelve.handled).includes(book.id) && idsOf(index.handled).includes(book.id),
        'both consumers to handle the book',
      );
      await subject.bus.close();

      expect(only([book.id], idsOf(shelve.handled))).toEqual([book.id]);
      expect(only([book.id], idsOf(index.handled))).toEqual([book.id]);
    });

    it('dead-letters a poison event at once and goes on with the next one', async () => {
      const shelve = recorder('ShelveBookOnBookAdded', ['shelfmark.catalogue.book-added.v1']);
      await subscribeAll(shelve.consumer);
      const bookId = uniqueId('book');
      const poison = aPoisonBookAdded(bookId);
      const next = aBookAdded(bookId);

      await subject.bus.publish([poison, next]);
      await until(() => idsOf(shelve.handled).includes(next.id), 'the event after the poison');
      await until(() => lettersFor(poison.id).length > 0, 'the poison to be dead-lettered');

      expect(shelve.calls).not.toContain(poison.id);
      expect(lettersFor(poison.id)).toEqual([
        expect.objectContaining({
          consumer: shelve.consumer.name,
          event: poison,
          error: { name: 'ContractViolation', message: expect.stringMatching(/data\.isbn/) as string },
          attempts: 1,
        }),
      ]);
      expect(lettersFor(next.id)).toEqual([]);
    });

    it('retries a handler that fails for a while, and handles the event once it succeeds', async () => {
      const book = aBookAdded();
      let failures = 0;
      const shelve = recorder('ShelveBookOnBookAdded', ['shelfmark.catalogue.book-added.v1'], (event) => {
        if (event.id === book.id && failures < contractRetryPolicy.attempts - 1) {
          failures += 1;
          throw new Error('shelf jammed');
        }
      });
      await subscribeAll(shelve.consumer);

      await subject.bus.publish([book]);
      await until(() => idsOf(shelve.handled).includes(book.id), 'the book to be handled');

      expect(only([book.id], shelve.calls)).toHaveLength(contractRetryPolicy.attempts);
      expect(lettersFor(book.id)).toEqual([]);
    });

    it('retries a handler that keeps failing, then dead-letters the event and goes on', async () => {
      const bookId = uniqueId('book');
      const doomed = aBookAdded(bookId);
      const next = aBookAdded(bookId);
      class ShelfJammed extends Error {
        override name = 'ShelfJammed';
      }
      const shelve = recorder('ShelveBookOnBookAdded', ['shelfmark.catalogue.book-added.v1'], (event) => {
        if (event.id === doomed.id) throw new ShelfJammed(`no room for ${event.data.bookId}`);
      });
      await subscribeAll(shelve.consumer);

      await subject.bus.publish([doomed, next]);
      await until(() => idsOf(shelve.handled).includes(next.id), 'the event after the failing one');
      await until(() => lettersFor(doomed.id).length > 0, 'the failing event to be dead-lettered');

      expect(only([doomed.id], shelve.calls)).toHaveLength(contractRetryPolicy.attempts);
      expect(idsOf(shelve.handled)).not.toContain(doomed.id);
      expect(lettersFor(doomed.id)).toEqual([
        expect.objectContaining({
          consumer: shelve.consumer.name,
          event: doomed,
          error: { name: 'ShelfJammed', message: `no room for ${bookId}` },
          attempts: contractRetryPolicy.attempts,
        }),
      ]);
    });

    it('refuses a second consumer with a name already subscribed', async () => {
      const first = recorder('ShelveBookOnBookAdded', ['shelfmark.catalogue.book-added.v1']);
      const impostor = recorder('ShelveBookOnBookAdded', ['shelfmark.catalogue.book-added.v1']);
      const twin = defineConsumer({ ...impostor.consumer, name: first.consumer.name });
      await subject.bus.subscribe(first.consumer);

      await expect(subject.bus.subscribe(twin)).rejects.toThrow(first.consumer.name);

      subject.open?.();
      const book = aBookAdded();
      await subject.bus.publish([book]);
      await until(() => idsOf(first.handled).includes(book.id), 'the first consumer to handle the book');
      await subject.bus.close();
      expect(impostor.calls).toEqual([]);
    });

    it('lets close() wait for the handlers in flight', async () => {
      const release = gate();
      const log: string[] = [];
      const started: string[] = [];
      const slow = recorder(
        'ShelveBookSlowlyOnBookAdded',
        ['shelfmark.catalogue.book-added.v1'],
        async (event) => {
          started.push(event.id);
          await release.opened;
          log.push('handler finished');
        },
      );
      await subscribeAll(slow.consumer);
      const book = aBookAdded();

      const publishing = subject.bus.publish([book]);
      await until(() => started.includes(book.id), 'the handler to start');
      const closing = subject.bus.close().then(() => void log.push('closed'));
      await settle();
      expect(log).toEqual([]);

      release.open();
      await closing;
      await publishing;

      expect(log).toEqual(['handler finished', 'closed']);
      expect(idsOf(slow.handled)).toContain(book.id);
    });
  });
}
