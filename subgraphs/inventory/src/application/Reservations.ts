// Application plumbing shared by the two reservation use cases, not a use case: it stays at application/ root.
import { ServiceUnavailable } from '@shelfmark/errors';
import type { Copy } from '../domain';
import type { CopyChanger } from './change-copy/CopyChanger';

/** One copy set aside for a borrow: loans' answer from `reserveCopies` and `reserveCopiesByBarcode`. */
export interface CopyReservation {
  readonly bookId: string;
  readonly copyId: string;
  /** The label on the copy: loans keeps it on the loan, so the desk can check the copy in by it. */
  readonly barcode: string;
  /** The hold the copy was waiting on the hold shelf for (the member's own), else null. */
  readonly holdId: string | null;
}

export function reservationOf(copy: Copy): CopyReservation {
  return { bookId: copy.bookId, copyId: copy.id, barcode: copy.barcode, holdId: copy.reservationHoldId() };
}

/** The caller has given up waiting: nothing may stay reserved for an answer no one reads. */
export function assertBeforeDeadline(now: Date, deadline: Date): void {
  if (now.getTime() > deadline.getTime()) {
    throw new ServiceUnavailable(
      'Reserving the copies took longer than the borrow could wait; nothing was reserved. Please try again.',
    );
  }
}

/**
 * Releases what one reservation call reserved (all or none); false when a copy could not be
 * released. Then the answer must not be a refusal (which tells loans nothing is held): an
 * unexpected error makes loans cancel the request, and its cancellation event releases the rest.
 */
export async function releaseReserved(
  changer: CopyChanger,
  copies: readonly { readonly id: string }[],
  borrowId: string,
  clock: () => Date,
): Promise<boolean> {
  let released = true;
  for (const { id } of copies) {
    try {
      await changer.change(id, (copy) => copy.release(borrowId, clock()));
    } catch {
      released = false; // left reserved: loans' cancellation event for this borrow releases it
    }
  }
  return released;
}
