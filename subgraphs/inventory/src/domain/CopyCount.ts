import { InvalidInput } from '@shelfmark/errors';

/** A librarian adds at most this many copies in one go: a shipment, not a warehouse. */
export const MAX_COPIES_PER_REQUEST = 1_000;

/** How many copies to add: a whole number from 1 to {@link MAX_COPIES_PER_REQUEST}. */
export function copyCount(count: number): number {
  if (!Number.isInteger(count) || count < 1 || count > MAX_COPIES_PER_REQUEST) {
    throw new InvalidInput(
      'count',
      `"count" must be a whole number from 1 to ${MAX_COPIES_PER_REQUEST}; got ${count}.`,
    );
  }
  return count;
}
