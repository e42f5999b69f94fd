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
    // A book's availability: counts per status.
    { properties: ['bookId', 'status'] },
  ],
  properties: {
    id: { type: 'string', primary: true },
    bookId: { type: 'string' },
    barcode: { type: 'string', unique: true },
    location: { type: 'string', length: MAX_LOCATION_LENGTH, nullable: true },
    status: { enum: true, items: () => [...COPY_STATUSES], type: 'string' },
    addedAt: { type: 'datetime' },
  },
});
