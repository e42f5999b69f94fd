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
    // The expiry job: READY holds by the end of their pickup window.
    { properties: ['status', 'readyUntil'] },
  ],
  properties: {
    id: { type: 'string', primary: true },
    memberId: { type: 'string' },
    bookId: { type: 'string' },
    status: { enum: true, items: [...HOLD_STATUSES] },
    placedAt: { type: 'Date' },
    readyUntil: { type: 'Date', nullable: true },
    copyId: { type: 'string', nullable: true },
    pointsSpent: { type: 'integer' },
    confirmed: { type: 'boolean', default: true },
    activeKey: { type: 'string', unique: true },
  },
});
