import type { EventType, ShelfmarkEvent } from '../contracts';

/**
 * Something that reacts to events. Named for what it does on which event
 * (`RegisterBookOnBookAdded`); the name is its consumer group, so replicas share the work and
 * each event is handled once per consumer.
 *
 * Delivery is at least once: `handle` must make its effect idempotent (keyed by the event id or
 * by a natural key), so that a redelivered event changes nothing.
 */
export interface Consumer<T extends EventType = EventType> {
  readonly name: string;
  readonly types: readonly T[];
  handle(event: ShelfmarkEvent<T>): Promise<void>;
}

/** Preserves the consumer's precise event type while letting it join a heterogeneous list. */
export function defineConsumer<T extends EventType>(consumer: Consumer<T>): Consumer {
  return consumer;
}
