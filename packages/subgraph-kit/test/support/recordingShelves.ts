import { EntitySchema } from '@mikro-orm/core';
import { AggregateRoot, type CloudEvent, type EventBus } from '@shelfmark/events';
import { AggregateRootSchema } from '../../src';

/**
 * A minimal aggregate for the outbox tests: a shelf whose label must be unique, recording an event
 * (a `book-added` whose title is the label) each time it is labelled.
 */
export class Shelf extends AggregateRoot {
  id!: string;
  label!: string;

  static create(id: string, label: string): Shelf {
    const shelf = new Shelf();
    shelf.id = id;
    shelf.relabel(label);
    return shelf;
  }

  relabel(label: string): void {
    this.label = label;
    this.record('shelfmark.catalogue.book-added.v1', this.id, {
      bookId: this.id,
      isbn: '9780441172719',
      title: label,
      subtitle: null,
      authors: ['x'],
      subjects: [],
      language: null,
      publishedYear: null,
    });
  }
}

export const ShelfSchema = new EntitySchema<Shelf, AggregateRoot>({
  class: Shelf,
  extends: AggregateRootSchema,
  properties: { id: { type: 'string', primary: true }, label: { type: 'string', unique: true } },
});

/** The labels the events carry, in order. */
export const titles = (events: readonly CloudEvent[]) =>
  events.map((event) => (event.data as { title: string }).title);

/** A bus that keeps what it is given; `failNext` publications fail first, as a broker that is down. */
export class RecordingBus implements EventBus {
  readonly published: CloudEvent[] = [];
  failNext = 0;
  publish(events: readonly CloudEvent[]): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new Error('broker unavailable'));
    }
    this.published.push(...events);
    return Promise.resolve();
  }
  subscribe = () => Promise.resolve();
  subscribeGroup = () => Promise.resolve();
  close = () => Promise.resolve();
}
