import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { Hold, HOLD_STATUSES } from '../../domain';

export const HoldSchema = new EntitySchema<Hold, AggregateRoot>({
  class: Hold,
  extends: AggregateRootSchema,
  indexes: [
    { properties: ['memberId', 'status'] },
    // The queue of a book: its WAITING holds in placedAt order.
    { properties: ['bookId', 'status', 'placedAt'] },
  ],
  properties: {
    id: { type: 'string', primary: true },
    memberId: { type: 'string' },
    bookId: { type: 'string' },
    position: { type: 'integer', nullable: true },
    status: { enum: true, items: [...HOLD_STATUSES] },
    placedAt: { type: 'datetime' },
    readyUntil: { type: 'datetime', nullable: true },
    pointsSpent: { type: 'integer' },
  },
});
