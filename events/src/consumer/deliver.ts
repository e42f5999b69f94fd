import { ContractViolation, parseEvent } from '../ContractViolation';
import { isEventType, type ShelfmarkEvent } from '../contracts';
import { EventContext } from '../EventContext';
import type { Logger } from '../Logger';
import type { Consumer } from './Consumer';
import type { DeadLetterSink } from './DeadLetter';
import { notifyDelivered, traceDelivery } from '../telemetry';

export interface RetryPolicy {
  /** Attempts in total, the first included, before the event is dead-lettered. */
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, initialDelayMs: 100, maxDelayMs: 5_000 };

export interface DeliveryOptions {
  readonly retry: RetryPolicy;
  readonly deadLetters: DeadLetterSink;
  readonly logger: Logger;
}

export type DeliveryOutcome = 'handled' | 'ignored' | 'dead-lettered';

/**
 * The one pipeline every bus adapter runs a delivered message through:
 * contract check → handler (with the event as ambient cause) → retry with back-off → dead letter.
 * Whatever the handler does, the consumer moves on to the next message; it rejects only when
 * the dead-letter sink itself fails, so the message is not acknowledged and comes back.
 * A message that fails its contract is dead-lettered at once, since retrying cannot fix it.
 */
export async function deliver(
  consumer: Consumer,
  raw: unknown,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const started = performance.now();
  let outcome: DeliveryOutcome | 'failed' = 'failed';
  try {
    return (outcome = await deliverTraced(consumer, raw, options));
  } finally {
    notifyDelivered(consumer.name, outcome, (performance.now() - started) / 1000);
  }
}

async function deliverTraced(
  consumer: Consumer,
  raw: unknown,
  { retry, deadLetters, logger }: DeliveryOptions,
): Promise<DeliveryOutcome> {
  // An event of another known type is none of this consumer's business: it is ignored unchecked.
  // Its own consumers check it against its contract (and dead-letter it if it breaks it); checking
  // it here too cost every consumer of the topic a full parse of every event on it.
  if (isOthersEvent(consumer, raw)) return 'ignored';
  let event;
  try {
    event = parseEvent(raw);
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    logger.warn({ consumer: consumer.name, err: error.message }, 'event rejected by its contract');
    await deadLetters.send(letter(consumer, raw, error, 1));
    return 'dead-lettered';
  }
  if (!consumer.types.includes(event.type)) return 'ignored';
  return traceDelivery(consumer.name, event, () =>
    handle(consumer, raw, event, { retry, deadLetters, logger }),
  );
}

async function handle(
  consumer: Consumer,
  raw: unknown,
  event: ShelfmarkEvent,
  { retry, deadLetters, logger }: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const cause = {
    correlationId: event.correlationid,
    causationId: event.id,
    ...(event.traceparent ? { traceparent: event.traceparent } : {}),
  };
  let attempts = 0;
  try {
    // A plain loop rather than a back-off library: this runs for every event every consumer
    // handles, and nearly all succeed at the first attempt, which then costs one call.
    for (;;) {
      attempts += 1;
      try {
        await EventContext.run(cause, () => consumer.handle(event));
        break;
      } catch (error) {
        if (attempts >= retry.attempts) throw error;
        logger.warn(
          {
            consumer: consumer.name,
            eventId: event.id,
            type: event.type,
            attempt: attempts,
            err: describe(error),
          },
          'event handler failed; retrying',
        );
        await sleep(retryDelayMs(retry, attempts));
      }
    }
    return 'handled';
  } catch (error) {
    logger.error(
      { consumer: consumer.name, eventId: event.id, type: event.type, attempts, err: describe(error) },
      'event handler kept failing; dead-lettered',
    );
    await deadLetters.send(letter(consumer, raw, error, attempts));
    return 'dead-lettered';
  }
}

/** Full jitter: anywhere up to `initialDelayMs` doubled per failure so far, at most `maxDelayMs`. */
function retryDelayMs(retry: RetryPolicy, failures: number): number {
  return Math.round(Math.random() * Math.min(retry.initialDelayMs * 2 ** (failures - 1), retry.maxDelayMs));
}

function isOthersEvent(consumer: Consumer, raw: unknown): boolean {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  return typeof type === 'string' && isEventType(type) && !consumer.types.includes(type);
}

function letter(consumer: Consumer, event: unknown, error: unknown, attempts: number) {
  return {
    consumer: consumer.name,
    event,
    error:
      error instanceof Error
        ? { name: error.name, message: error.message }
        : { name: 'Error', message: String(error) },
    attempts,
    failedAt: new Date().toISOString(),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
