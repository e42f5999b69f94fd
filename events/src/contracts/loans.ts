import { z } from 'zod';

const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });

/**
 * Who a copy goes to next when it comes back or leaves the hold shelf: the first WAITING hold of
 * its book (the copy goes ON_HOLD_SHELF for that member), or nobody (the copy is AVAILABLE).
 * Loans decides it in the same write as the event that frees the copy, so inventory never has
 * a moment where the copy is free for anyone while a hold waits for it.
 */
export const nextHold = z.object({ holdId: id, memberId: id }).nullable();

/** A member borrowed a copy (one event per copy of a borrowBooks request that succeeded). */
export const loanBorrowedV1 = z.object({
  loanId: id,
  /** The borrowBooks request (saga) that reserved the copy in inventory. */
  borrowId: id,
  memberId: id,
  bookId: id,
  copyId: id,
  /** The hold this loan fulfils, when the copy was waiting on the hold shelf for the member. */
  holdId: id.nullable(),
  borrowedAt: instant,
  dueAt: instant,
});

/** A borrowBooks request was given up (compensation): inventory releases what it reserved for it. */
export const borrowCancelledV1 = z.object({
  borrowId: id,
  memberId: id,
  bookIds: z.array(id).min(1),
  reason: z.string().min(1),
});

/**
 * A librarian's checkOut was given up while inventory may hold the copies it named (compensation):
 * inventory releases what it reserved for it. A checkOut names copies, not books — which books
 * they are is known only once inventory answers — hence an event of its own, not borrow-cancelled.
 */
export const checkoutCancelledV1 = z.object({
  borrowId: id,
  memberId: id,
  /** The barcodes the librarian scanned, as given. */
  barcodes: z.array(z.string().min(1)).min(1),
  reason: z.string().min(1),
});

/** A copy came back. `nextHold` says whether it goes to the hold shelf or back on the shelves. */
export const loanReturnedV1 = z.object({
  loanId: id,
  memberId: id,
  bookId: id,
  copyId: id,
  returnedAt: instant,
  /** Returned by the due date: the member earns points for it. */
  onTime: z.boolean(),
  nextHold,
});

/** The due date of a loan was pushed back. */
export const loanRenewedV1 = z.object({
  loanId: id,
  memberId: id,
  bookId: id,
  dueAt: instant,
  renewals: z.number().int().min(1),
});

/** The scheduled job found a loan still out after its due date. */
export const loanOverdueV1 = z.object({
  loanId: id,
  memberId: id,
  bookId: id,
  copyId: id,
  dueAt: instant,
});

/** The scheduled job found a loan due soon (a reminder for the member). */
export const loanDueSoonV1 = z.object({
  loanId: id,
  memberId: id,
  bookId: id,
  dueAt: instant,
});

/** A member joined a book's queue, paying its points (taken synchronously by members). */
export const holdPlacedV1 = z.object({
  holdId: id,
  memberId: id,
  bookId: id,
  pointsSpent: z.number().int().nonnegative(),
  placedAt: instant,
});

/** A copy waits on the hold shelf for the member until `readyUntil`. */
export const holdReadyV1 = z.object({
  holdId: id,
  memberId: id,
  bookId: id,
  copyId: id,
  readyUntil: instant,
});

/** The member borrowed the book they were waiting for. */
export const holdFulfilledV1 = z.object({
  holdId: id,
  memberId: id,
  bookId: id,
  loanId: id,
});

/**
 * The member withdrew a hold: its points are refunded. When the hold was READY, its copy leaves
 * the hold shelf for `copy.nextHold` (or the shelves).
 */
export const holdCancelledV1 = z.object({
  holdId: id,
  memberId: id,
  bookId: id,
  pointsRefunded: z.number().int().nonnegative(),
  copy: z.object({ copyId: id, nextHold }).nullable(),
});

/** A READY hold was not picked up in time: points refunded, the copy goes to `nextHold`. */
export const holdExpiredV1 = z.object({
  holdId: id,
  memberId: id,
  bookId: id,
  pointsRefunded: z.number().int().nonnegative(),
  copyId: id,
  nextHold,
});

/**
 * A copy was routed to a hold that had left the queue in the meantime (cancelled while the copy
 * came back): the copy goes on to `nextHold` (or the shelves). Rare; keeps copies from being stranded.
 */
export const holdPassedOnV1 = z.object({
  holdId: id,
  bookId: id,
  copyId: id,
  nextHold,
});

/**
 * A hold whose placement did not complete (the process stopped between taking the points and
 * confirming the hold, or the points call timed out). Members refunds what it took for it, if anything.
 */
export const holdAbandonedV1 = z.object({
  holdId: id,
  memberId: id,
  bookId: id,
  points: z.number().int().nonnegative(),
});

export const loansEvents = {
  'shelfmark.loans.loan-borrowed.v1': loanBorrowedV1,
  'shelfmark.loans.borrow-cancelled.v1': borrowCancelledV1,
  'shelfmark.loans.checkout-cancelled.v1': checkoutCancelledV1,
  'shelfmark.loans.loan-returned.v1': loanReturnedV1,
  'shelfmark.loans.loan-renewed.v1': loanRenewedV1,
  'shelfmark.loans.loan-overdue.v1': loanOverdueV1,
  'shelfmark.loans.loan-due-soon.v1': loanDueSoonV1,
  'shelfmark.loans.hold-placed.v1': holdPlacedV1,
  'shelfmark.loans.hold-ready.v1': holdReadyV1,
  'shelfmark.loans.hold-fulfilled.v1': holdFulfilledV1,
  'shelfmark.loans.hold-cancelled.v1': holdCancelledV1,
  'shelfmark.loans.hold-expired.v1': holdExpiredV1,
  'shelfmark.loans.hold-passed-on.v1': holdPassedOnV1,
  'shelfmark.loans.hold-abandoned.v1': holdAbandonedV1,
} as const;
