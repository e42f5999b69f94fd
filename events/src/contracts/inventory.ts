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

export const inventoryEvents = {
  'shelfmark.inventory.copy-added.v1': copyAddedV1,
} as const;
