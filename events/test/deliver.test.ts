import {
  createEvent,
  defineConsumer,
  deliver,
  EventContext,
  MemoryDeadLetterSink,
  type DeliveryOptions,
  type EventCause,
  type Logger,
} from '../src';
import { aBookAdded, aCopyAdded, aPoisonBookAdded } from './support/builders';

const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

class ShelfJammed extends Error {
  override name = 'ShelfJammed';
}

function recordingLogger(): Logger & { readonly lines: Array<{ level: string; msg: string | undefined }> } {
  const lines: Array<{ level: string; msg: string | undefined }> = [];
  const log = (level: string) => (_: object, msg?: string) => void lines.push({ level, msg });
  return { lines, info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') };
}

function options(
  attempts = 3,
): DeliveryOptions & { deadLetters: MemoryDeadLetterSink; logger: ReturnType<typeof recordingLogger> } {
  return {
    retry: { attempts, initialDelayMs: 1, maxDelayMs: 2 },
    deadLetters: new MemoryDeadLetterSink(),
    logger: recordingLogger(),
  };
}

/** A consumer of book-added whose handler fails the first `failures` times it is called. */
function shelveBook(failures: number | ((attempt: number) => unknown) = 0) {
  const calls: string[] = [];
  const consumer = defineConsumer({
    name: 'ShelveBookOnBookAdded',
    types: ['shelfmark.catalogue.book-added.v1'],
    handle(event) {
      calls.push(event.id);
      // Handlers may reject with anything; deliver must cope with reasons that are not Errors.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      if (typeof failures === 'function') return Promise.reject(failures(calls.length));
      if (calls.length <= failures) return Promise.reject(new ShelfJammed(`attempt ${calls.length} failed`));
      return Promise.resolve();
    },
  });
  return { consumer, calls };
}

describe('deliver', () => {
  it('hands a valid event to the handler and reports it handled', async () => {
    const event = aBookAdded();
    const received: unknown[] = [];
    const consumer = defineConsumer({
      name: 'ShelveBookOnBookAdded',
      types: ['shelfmark.catalogue.book-added.v1'],
      handle: (e) => Promise.resolve(void received.push(e)),
    });
    const opts = options();

    await expect(deliver(consumer, JSON.parse(JSON.stringify(event)), opts)).resolves.toBe('handled');

    expect(received).toEqual([event]);
    expect(opts.deadLetters.letters).toEqual([]);
  });

  it('runs the handler with the event as ambient cause, so what it records is caused by the event', async () => {
    const event = { ...aBookAdded(), correlationid: 'request-1', causationid: 'command-1', traceparent };
    let during: EventCause | undefined;
    let caused: ReturnType<typeof aCopyAdded> | undefined;
    const consumer = defineConsumer({
      name: 'AddCopyOnBookAdded',
      types: ['shelfmark.catalogue.book-added.v1'],
      async handle(e) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        during = EventContext.current();
        caused = createEvent('shelfmark.inventory.copy-added.v1', 'copy-1', {
          copyId: 'copy-1',
          bookId: e.data.bookId,
          barcode: 'BC-1',
          location: null,
          status: 'AVAILABLE',
        });
      },
    });

    await expect(deliver(consumer, event, options())).resolves.toBe('handled');

    expect(during).toEqual({ correlationId: 'request-1', causationId: event.id, traceparent });
    expect(caused).toMatchObject({ correlationid: 'request-1', causationid: event.id, traceparent });
    expect(EventContext.current()).toBeUndefined();
  });

  it('sets no traceparent in the cause when the event carries none', async () => {
    const event = EventContext.run({ correlationId: 'request-2', causationId: 'command-2' }, () =>
      aBookAdded(),
    );
    let during: EventCause | undefined;
    const consumer = defineConsumer({
      name: 'ShelveBookOnBookAdded',
      types: ['shelfmark.catalogue.book-added.v1'],
      handle: () => Promise.resolve(void (during = EventContext.current())),
    });

    await deliver(consumer, event, options());

    expect(during).toEqual({ correlationId: 'request-2', causationId: event.id });
  });

  it('ignores a valid event of a type the consumer does not take', async () => {
    const { consumer, calls } = shelveBook();
    const opts = options();

    await expect(deliver(consumer, aCopyAdded(), opts)).resolves.toBe('ignored');

    expect(calls).toEqual([]);
    expect(opts.deadLetters.letters).toEqual([]);
  });

  it('leaves the contract of an event of another known type to its own consumers', async () => {
    const { consumer, calls } = shelveBook();
    const opts = options();
    const brokenCopyAdded = { ...aCopyAdded(), data: { ...aCopyAdded().data, status: 'BORROWED' } };

    await expect(deliver(consumer, brokenCopyAdded, opts)).resolves.toBe('ignored');

    expect(calls).toEqual([]);
    expect(opts.deadLetters.letters).toEqual([]);
  });

  it('retries a failing handler until it succeeds', async () => {
    const { consumer, calls } = shelveBook(2);
    const event = aBookAdded();
    const opts = options(5);

    await expect(deliver(consumer, event, opts)).resolves.toBe('handled');

    expect(calls).toEqual([event.id, event.id, event.id]);
    expect(opts.deadLetters.letters).toEqual([]);
    expect(opts.logger.lines.filter((line) => line.level === 'warn')).toHaveLength(2);
  });

  it('keeps the ambient cause on every attempt', async () => {
    const event = aBookAdded();
    const causes: Array<EventCause | undefined> = [];
    const consumer = defineConsumer({
      name: 'ShelveBookOnBookAdded',
      types: ['shelfmark.catalogue.book-added.v1'],
      handle() {
        causes.push(EventContext.current());
        return causes.length < 3 ? Promise.reject(new ShelfJammed('jammed')) : Promise.resolve();
      },
    });

    await expect(deliver(consumer, event, options(3))).resolves.toBe('handled');

    expect(causes).toHaveLength(3);
    for (const cause of causes) expect(cause).toMatchObject({ causationId: event.id });
  });

  it('gives up after the allowed attempts and dead-letters the event as received, with the error', async () => {
    const { consumer, calls } = shelveBook(Infinity);
    const raw: unknown = JSON.parse(JSON.stringify(aBookAdded()));
    const opts = options(3);
    const before = Date.now();

    await expect(deliver(consumer, raw, opts)).resolves.toBe('dead-lettered');

    expect(calls).toHaveLength(3);
    expect(opts.deadLetters.letters).toEqual([
      {
        consumer: 'ShelveBookOnBookAdded',
        event: raw,
        error: { name: 'ShelfJammed', message: 'attempt 3 failed' },
        attempts: 3,
        failedAt: expect.any(String) as string,
      },
    ]);
    const failedAt = Date.parse(opts.deadLetters.letters[0]!.failedAt);
    expect(failedAt).toBeGreaterThanOrEqual(before);
    expect(opts.logger.lines).toContainEqual({
      level: 'error',
      msg: 'event handler kept failing; dead-lettered',
    });
  });

  it('makes one attempt only when the policy allows one', async () => {
    const { consumer, calls } = shelveBook(Infinity);
    const opts = options(1);

    await expect(deliver(consumer, aBookAdded(), opts)).resolves.toBe('dead-lettered');

    expect(calls).toHaveLength(1);
    expect(opts.deadLetters.letters[0]?.attempts).toBe(1);
  });

  it('dead-letters a handler that throws something that is not an Error', async () => {
    const { consumer } = shelveBook(() => 'out of shelf space');
    const opts = options(2);

    await expect(deliver(consumer, aBookAdded(), opts)).resolves.toBe('dead-lettered');

    expect(opts.deadLetters.letters[0]).toMatchObject({
      error: { name: 'Error', message: 'out of shelf space' },
      attempts: 2,
    });
  });

  it('dead-letters an event that breaks its contract at once, without calling the handler', async () => {
    const { consumer, calls } = shelveBook();
    const poison = aPoisonBookAdded();
    const opts = options(5);

    await expect(deliver(consumer, poison, opts)).resolves.toBe('dead-lettered');

    expect(calls).toEqual([]);
    expect(opts.deadLetters.letters).toEqual([
      {
        consumer: 'ShelveBookOnBookAdded',
        event: poison,
        error: { name: 'ContractViolation', message: expect.stringMatching(/data\.isbn: /) as string },
        attempts: 1,
        failedAt: expect.any(String) as string,
      },
    ]);
    expect(opts.logger.lines).toEqual([{ level: 'warn', msg: 'event rejected by its contract' }]);
  });

  it('dead-letters what is not a CloudEvent at all, keeping it as received', async () => {
    const { consumer, calls } = shelveBook();
    const opts = options();

    await expect(deliver(consumer, 'not json we understand', opts)).resolves.toBe('dead-lettered');

    expect(calls).toEqual([]);
    expect(opts.deadLetters.letters[0]).toMatchObject({
      event: 'not json we understand',
      error: { name: 'ContractViolation', message: expect.stringMatching(/^Malformed CloudEvent/) as string },
    });
  });
});
