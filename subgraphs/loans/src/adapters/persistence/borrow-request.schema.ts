import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { BORROW_STATUSES, BorrowRequest } from '../../domain';

export const BorrowRequestSchema = new EntitySchema<BorrowRequest, AggregateRoot>({
  class: BorrowRequest,
  extends: AggregateRootSchema,
  // Recovery: unfinished requests by age.
  indexes: [{ properties: ['status', 'startedAt'] }],
  properties: {
    id: { type: 'string', primary: true },
    memberId: { type: 'string' },
    bookIds: { type: 'json' },
    barcodes: { type: 'json', nullable: true },
    status: { enum: true, items: [...BORROW_STATUSES] },
    copies: { type: 'json' },
    startedAt: { type: 'Date' },
    failure: { type: 'string', nullable: true },
  },
});
