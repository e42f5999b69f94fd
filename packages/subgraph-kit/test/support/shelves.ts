import { EntitySchema } from '@mikro-orm/core';
import { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '../../src';

/** A minimal aggregate for the persistence tests: a shelf with a name, recording no events. */
export class Shelf extends AggregateRoot {
  id!: string;
  name!: string;

  static of(id: string, name: string): Shelf {
    return Object.assign(new Shelf(), { id, name, outbox: [], hasOutbox: false, handledEvents: [] });
  }
}

export const ShelfSchema = new EntitySchema<Shelf, AggregateRoot>({
  class: Shelf,
  extends: AggregateRootSchema,
  properties: { id: { type: 'string', primary: true }, name: { type: 'string' } },
});
