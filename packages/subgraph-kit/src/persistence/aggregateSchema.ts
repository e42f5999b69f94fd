import { EntitySchema } from '@mikro-orm/core';
import { AggregateRoot } from '@shelfmark/events';

/**
 * How every aggregate's event bookkeeping is stored: the outbox and the inbox live in the
 * aggregate's own row/document, and `version` is an optimistic lock. Entity schemas of
 * aggregates extend this one.
 */
export const AggregateRootSchema = new EntitySchema<AggregateRoot>({
  class: AggregateRoot as unknown as new () => AggregateRoot,
  abstract: true,
  properties: {
    outbox: { type: 'json' },
    hasOutbox: { type: 'boolean', index: true },
    handledEvents: { type: 'json' },
    version: { type: 'integer', version: true },
  },
});
