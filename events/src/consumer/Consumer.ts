import type { EventType, ShelfmarkEvent } from '../contracts';

/**
 * Something that reacts to events. Named for what it does on which event
 * (`RegisterBookOnBookAdded`); the name is its consumer group, so replicas share the work and
 * each event is handled once per consumer.
 *
 * Delivery is at least once: `handle` must make its effect idempotent (keyed by the event id or
 * by a natural key), so that a redelivered event changes nothing.
 *
 * The one shape of a subgraph's consumer: a class of its own in `src/adapters/events/`, named
 * like that, `implements Consumer<T>`; its constructor takes the use case(s) it drives, built
 * once when the subgraph wires its consumers, and a logger if it logs. `handle` only translates
 * the event into a use-case call: loading, units of work and retries are the use case's (the
 * kit's `changeOnce` for a change of one aggregate per event).
 */
export interface Consumer<T extends EventType = EventType> {
  readonly name: string;
  readonly types: readonly T[];
  /**
   * Whether the consumer needs events only while its process runs (the router's subscription
   * feed), rather than catching up after a restart. Such a consumer is named uniquely per process
   * (so each process hears every event); on Kafka its group is new, so it starts from now, and it
   * is deleted when the bus closes, so per-process groups do not pile up. Default false.
   */
  readonly ephemeral?: boolean;
  handle(event: ShelfmarkEvent<T>): Promise<void>;
}

/**
 * Types an ad-hoc consumer written as an object (tests, benchmarks, the router's subscription
 * feed), keeping its precise event type while letting it join a heterogeneous list. A subgraph's
 * consumers are classes instead (see {@link Consumer}).
 */
export function defineConsumer<T extends EventType>(consumer: Consumer<T>): Consumer {
  return consumer;
}
