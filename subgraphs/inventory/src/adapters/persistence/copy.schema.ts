import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { Copy, COPY_STATUSES, MAX_LOCATION_LENGTH } from '../../domain';

export const CopySchema = new EntitySchema<Copy, AggregateRoot>({
  class: Copy,
  extends: AggregateRootSchema,
  indexes: [
    // A book's copies, in barcode order.
    { properties: ['bookId', 'barcode'] },
    // A book's availability (counts per status), and the copies a borrow can reserve.
    { properties: ['bookId', 'status'] },
    // What a borrow request reserved (releases, repeated reservations) or was lent.
    { properties: ['reservedFor'] },
    { properties: ['loanBorrowId'] },
    // The copies waiting on the hold shelf for a member (a desk check-out names one of their books).
    { properties: ['heldForMemberId'] },
  ],
  properties: {
    id: { type: 'string', primary: true },
    bookId: { type: 'string' },
    barcode: { type: 'string', unique: true },
    location: { type: 'string', length: MAX_LOCATION_LENGTH, nullable: true },
    status: { enum: true, items: () => [...COPY_STATUSES], type: 'string' },
    addedAt: { type: 'Date' },
    loanId: { type: 'string', nullable: true },
    loanBorrowId: { type: 'string', nullable: true },
    loanHoldId: { type: 'string', nullable: true },
    heldForHoldId: { type: 'string', nullable: true },
    heldForMemberId: { type: 'string', nullable: true },
    reservedFor: { type: 'string', nullable: true },
    reservedBy: { type: 'string', nullable: true },
    reservedFromStatus: { enum: true, items: () => [...COPY_STATUSES], type: 'string', nullable: true },
    reservedHoldId: { type: 'string', nullable: true },
  },
});
