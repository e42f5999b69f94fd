import { z } from 'zod';

export const copyStatus = z.enum(['AVAILABLE', 'ON_LOAN', 'ON_HOLD_SHELF', 'LOST', 'WITHDRAWN']);

/** A physical copy of a book was put into circulation. */
export const copyAddedV1 = z.object({
  copyId: z.string().min(1),
  bookId: z.string().min(1),
  barcode: z.string().min(1),
  location: z.string().nullable(),
  status: copyStatus,
});

/**
 * A copy moved from one status to another (lent, returned, put on the hold shelf, …). Feeds the
 * live availability of a book (`bookStatusChanged`).
 */
export const copyStatusChangedV1 = z.object({
  copyId: z.string().min(1),
  bookId: z.string().min(1),
  from: copyStatus,
  to: copyStatus,
});

export const inventoryEvents = {
  'shelfmark.inventory.copy-added.v1': copyAddedV1,
  'shelfmark.inventory.copy-status-changed.v1': copyStatusChangedV1,
} as const;
