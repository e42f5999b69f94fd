import {
  defineConsumer,
  InProcessEventBus,
  MemoryDeadLetterSink,
  type DeadLetter,
  type DeadLetterSink,
} from '../src';
import { busContract, contractRetryPolicy } from './busContract';
import { gate, settle } from './support/async';
import {
  aBookAdded,
  aCopyAdded,
  aMemberCardIssued,
  aMemberRegistered,
  aPoisonBookAdded,
} from './support/builders';

busContract('InProcessEventBus', () => {
  const deadLetters = new MemoryDeadLetterSink();
  const bus = new InProcessEventBus({ retry: contractRetryPolicy, deadLetters });
  return Promise.resolve({ bus, open: () => bus.open(), deadLetters });
});

describe('InProcessEventBus', () => {
  let bus: InProcessEventBus;
  let deadLetters: MemoryDeadLetterSink;

  beforeEach(() => {
    deadLetters = new MemoryDeadLetterSink();
    bus = new InProcessEventBus({ retry: contractRetryPolicy, deadLetters });
  });

  afterEach(async () => {
    await bus.close();
  });

  function shelveBook(fail: (id: string) => boolean = () => false) {
    const handled: string[] = [];
    const consumer = defineConsumer({
      name: 'ShelveBookOnBookAdded',
      types: ['shelfmark.catalogue.book-added.v1'],
      handle(event) {
        if (fail(event.id)) return Promise.reject(new Error('shelf jammed'));
        handled.push(event.id);
        return Promise.resolve();
      },
    });
    return { consumer, handled };
  }

  it('resolves publish only once every consumer is done with the events, handled or dead-lettered', async () => {
    const failing = aBookAdded();
    const good = aBookAdded();
    const shelve = shelveBook((id) => id === failing.id);
    await bus.subscribe(shelve.consumer);
    bus.open();

    await bus.publish([failing, good]);

    expect(shelve.handled).toEqual([good.id]);
    expect(deadLetters.letters.map((letter) => (letter.event as { id: string }).id)).toEqual([failing.id]);
  });

  it('holds publication back until open(), so no consumer wired at start-up misses an event', async () => {
    const shelve = shelveBook();
    const book = aBookAdded();
    let published = false;

    const publishing = bus.publish([book]).then(() => void (published = true));
    await bus.subscribe(shelve.consumer);
    await settle();
    expect(published).toBe(false);
    expect(shelve.handled).toEqual([]);

    bus.open();
    await publishing;

    expect(shelve.handled).toEqual([book.id]);
  });

  it('releases publishers still waiting for open() when closed, rejecting them', async () => {
    const shelve = shelveBook();
    await bus.subscribe(shelve.consumer);

    const publishing = bus.publish([aBookAdded()]);
    await bus.close();

    await expect(publishing).rejects.toThrow('The event bus is closed');
    expect(shelve.handled).toEqual([]);
  });

  it('refuses to publish once closed', async () => {
    bus.open();
    await bus.close();

    await expect(bus.publish([aBookAdded()])).rejects.toThrow('The event bus is closed');
  });

  it('stops a batch at close(): events not yet delivered are refused, so the outbox keeps them', async () => {
    const release = gate();
    const handled: string[] = [];
    await bus.subscribe(
      defineConsumer({
        name: 'ShelveBookSlowlyOnBookAdded',
        types: ['shelfmark.catalogue.book-added.v1'],
        async handle(event) {
          await release.opened;
          handled.push(event.id);
        },
      }),
    );
    bus.open();
    const [first, second] = [aBookAdded(), aBookAdded()];

    const publishing = bus.publish([first, second]);
    await settle();
    const closing = bus.close();
    release.open();

    await expect(publishing).rejects.toThrow('The event bus is closed');
    await closing;
    expect(handled).toEqual([first.id]);
  });

  it('delivers a JSON copy of the event, as over a wire', async () => {
    const received: unknown[] = [];
    await bus.subscribe(
      defineConsumer({
        name: 'ShelveBookOnBookAdded',
        types: ['shelfmark.catalogue.book-added.v1'],
        handle: (event) => Promise.resolve(void received.push(event)),
      }),
    );
    bus.open();
    const book = aBookAdded();

    await bus.publish([book]);

    expect(received).toEqual([book]);
    expect(received[0]).not.toBe(book);
  });

  it('delivers what JSON carries: a Date a producer left in the data arrives as its ISO string', async () => {
    const received: string[] = [];
    await bus.subscribe(
      defineConsumer({
        name: 'WelcomeMemberOnMemberCardIssued',
        types: ['shelfmark.members.member-card-issued.v1'],
        handle: (event) => Promise.resolve(void received.push(event.data.issuedAt)),
      }),
    );
    bus.open();
    const card = aMemberCardIssued();
    const issuedAt = new Date('2026-01-02T03:04:05.000Z');

    await bus.publish([{ ...card, data: { ...card.data, issuedAt } }]);

    expect(received).toEqual(['2026-01-02T03:04:05.000Z']);
    expect(deadLetters.letters).toEqual([]);
  });

  it('has each consumer handle one event at a time, in order, even with concurrent publishers', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const order: string[] = [];
    await bus.subscribe(
      defineConsumer({
        name: 'ShelveBookOnBookAdded',
        types: ['shelfmark.catalogue.book-added.v1'],
        async handle(event) {
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 1));
          order.push(event.id);
          inFlight -= 1;
        },
      }),
    );
    bus.open();
    const books = Array.from({ length: 6 }, () => aBookAdded());

    await Promise.all(books.map((book) => bus.publish([book])));

    expect(order).toEqual(books.map((book) => book.id));
    expect(mostInFlight).toBe(1);
  });

  it('does not let a slow consumer hold another consumer back from its own events', async () => {
    const release = gate();
    const fast: string[] = [];
    await bus.subscribe(
      defineConsumer({
        name: 'ShelveBookSlowlyOnBookAdded',
        types: ['shelfmark.catalogue.book-added.v1'],
        handle: () => release.opened,
      }),
    );
    await bus.subscribe(
      defineConsumer({
        name: 'IndexBookOnBookAdded',
        types: ['shelfmark.catalogue.book-added.v1'],
        handle: (event) => Promise.resolve(void fast.push(event.id)),
      }),
    );
    bus.open();
    const book = aBookAdded();

    let published = false;
    const publishing = bus.publish([book]).then(() => void (published = true));
    await settle();
    expect(fast).toEqual([book.id]);
    expect(published).toBe(false);

    release.open();
    await publishing;
    expect(published).toBe(true);
  });

  it('delivers a poison event on a topic to every consumer of that topic, each dead-lettering it', async () => {
    const shelve = shelveBook();
    const copies: string[] = [];
    await bus.subscribe(shelve.consumer);
    await bus.subscribe(
      defineConsumer({
        name: 'CountBooksOnBookAdded',
        types: ['shelfmark.catalogue.book-added.v1'],
        handle: () => Promise.resolve(),
      }),
    );
    await bus.subscribe(
      defineConsumer({
        name: 'CountCopiesOnCopyAdded',
        types: ['shelfmark.inventory.copy-added.v1'],
        handle: (event) => Promise.resolve(void copies.push(event.id)),
      }),
    );
    bus.open();
    const poison = aPoisonBookAdded();

    await bus.publish([poison]);

    expect(deadLetters.letters.map((letter) => letter.consumer).sort()).toEqual([
      'CountBooksOnBookAdded',
      'ShelveBookOnBookAdded',
    ]);
    expect(shelve.handled).toEqual([]);
    expect(copies).toEqual([]);
  });

  it('dead-letters, for every consumer, an event whose type names no topic', async () => {
    await bus.subscribe(shelveBook().consumer);
    await bus.subscribe(
      defineConsumer({
        name: 'WelcomeMemberOnMemberRegistered',
        types: ['shelfmark.members.member-registered.v1'],
        handle: () => Promise.resolve(),
      }),
    );
    bus.open();
    const garbage = { ...aMemberRegistered(), type: 'garbage' };

    await bus.publish([garbage]);

    expect(
      deadLetters.letters.map((letter: DeadLetter) => [letter.consumer, letter.error.name]).sort(),
    ).toEqual([
      ['ShelveBookOnBookAdded', 'ContractViolation'],
      ['WelcomeMemberOnMemberRegistered', 'ContractViolation'],
    ]);
  });

  it('publishes to nobody without fuss when no consumer reads the topic', async () => {
    await bus.subscribe(shelveBook().consumer);
    bus.open();

    await expect(bus.publish([aCopyAdded()])).resolves.toBeUndefined();
    expect(deadLetters.letters).toEqual([]);
  });

  it('keeps dead letters in memory when given no sink', async () => {
    const own = new InProcessEventBus({ retry: contractRetryPolicy });
    await own.subscribe(shelveBook().consumer);
    own.open();
    const poison = aPoisonBookAdded();

    await own.publish([poison]);
    await own.close();

    expect(own.deadLetters).toBeInstanceOf(MemoryDeadLetterSink);
    expect((own.deadLetters as MemoryDeadLetterSink).letters.map((letter) => letter.event)).toEqual([poison]);
  });

  it('rejects publish when the dead-letter sink fails, so the outbox keeps the event', async () => {
    const refusing: DeadLetterSink = { send: () => Promise.reject(new Error('disk full')) };
    const own = new InProcessEventBus({ retry: contractRetryPolicy, deadLetters: refusing });
    await own.subscribe(shelveBook().consumer);
    own.open();

    await expect(own.publish([aPoisonBookAdded()])).rejects.toThrow('disk full');
    await own.close();
  });

  // Regression: a rejected delivery (the dead-letter sink failed) stayed at the head of the
  // consumer's queue, so every later event for that consumer was refused with the old error.
  it('goes on after its dead-letter sink failed once', async () => {
    let failNext = true;
    const sink: DeadLetterSink = {
      send: () => {
        if (!failNext) return Promise.resolve();
        failNext = false;
        return Promise.reject(new Error('disk full'));
      },
    };
    const handled: string[] = [];
    const own = new InProcessEventBus({ retry: contractRetryPolicy, deadLetters: sink });
    await own.subscribe(
      defineConsumer({
        name: 'ShelveBookOnBookAdded',
        types: ['shelfmark.catalogue.book-added.v1'],
        handle: (event) => Promise.resolve(void handled.push(event.id)),
      }),
    );
    own.open();
    await expect(own.publish([aPoisonBookAdded()])).rejects.toThrow('disk full');

    const next = aBookAdded();
    await own.publish([next]);

    expect(handled).toEqual([next.id]);
    await own.close();
  });
});
