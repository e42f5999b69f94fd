import { createEvent, type CloudEvent } from './envelope';
import type { EventData, EventType } from './contracts';

/** How many handled event ids an aggregate remembers for de-duplication. */
export const HANDLED_EVENTS_MEMORY = 200;

/**
 * An aggregate that records its own events (docs/design.md §3): the events live in the aggregate's
 * own row/document (`outbox`) and are written by the same single-document write as the state
 * change, so they commit together on SQLite and on MongoDB without multi-document transactions.
 * The outbox relay publishes them and removes them afterwards.
 *
 * `handledEvents` is the aggregate's inbox: a consumer that changes this aggregate records the
 * event id in the same write, so a redelivered event is recognised and changes nothing.
 *
 * `version` is an optimistic lock: two concurrent writers of one aggregate cannot both win.
 */
export abstract class AggregateRoot {
  outbox: CloudEvent[] = [];
  hasOutbox = false;
  handledEvents: string[] = [];
  version = 1;

  protected record<T extends EventType>(type: T, subject: string, data: EventData<T>, now?: Date): void {
    this.outbox = [...this.outbox, createEvent(type, subject, data, now)];
    this.hasOutbox = true;
  }

  /** Whether this aggregate already applied the effect of the event with this id. */
  hasHandled(eventId: string): boolean {
    return this.handledEvents.includes(eventId);
  }

  /** Remember that this aggregate applied an event; only the most recent ids are kept. */
  markHandled(eventId: string): void {
    this.handledEvents = [...this.handledEvents, eventId].slice(-HANDLED_EVENTS_MEMORY);
  }

  /** Called by the outbox relay once the bus has durably accepted these events. */
  markPublished(eventIds: readonly string[]): void {
    const published = new Set(eventIds);
    this.outbox = this.outbox.filter((event) => !published.has(event.id));
    this.hasOutbox = this.outbox.length > 0;
  }
}
