import { ConcurrentChange, DomainError, InvalidInput, NotFound } from '@shelfmark/errors';

/** A book that catalogue never announced (or whose announcement has not reached inventory yet). */
export class UnknownBook extends NotFound {
  constructor(bookId: string) {
    super('Book', bookId);
  }
}

/** A copy inventory does not have: an event naming it is a fault worth a dead letter. */
export class UnknownCopy extends NotFound {
  constructor(copyId: string) {
    super('Copy', copyId);
  }
}

/**
 * Every copy of the book is on loan, reserved by another borrow or waiting on the hold shelf for
 * another member: the borrow cannot be served, and reserves nothing.
 */
export class NoCopyAvailable extends DomainError {
  readonly code = 'NO_COPY_AVAILABLE' as const;

  constructor(bookId: string, title: string, inCirculation = true) {
    super(
      inCirculation
        ? `No copy of "${title}" is free to borrow right now. Place a hold to join the queue.`
        : `"${title}" has no copy in circulation (none was added, or every copy was withdrawn), so it cannot be borrowed.`,
      { bookId },
    );
  }
}

/** No copy has this barcode (as typed or scanned at the desk). */
export class UnknownBarcode extends DomainError {
  readonly code = 'NOT_FOUND' as const;

  constructor(readonly barcode: string) {
    super(`No copy has the barcode ${barcode}. Check the label, or scan it again.`, {
      entity: 'Copy',
      id: barcode,
      barcode,
      field: 'barcodes',
    });
  }
}

/** Why a copy named at the desk cannot be lent to the member now (see {@link Copy.whyNotReservableBy}). */
export type CopyUnavailability = 'ON_LOAN' | 'HELD_FOR_ANOTHER' | 'OUT_OF_CIRCULATION';

const UNAVAILABLE: Record<CopyUnavailability, string> = {
  ON_LOAN: 'is out on loan (check it in first)',
  HELD_FOR_ANOTHER: 'waits on the hold shelf for another member',
  OUT_OF_CIRCULATION: 'is no longer in circulation (withdrawn or lost)',
};

/**
 * The copy a librarian named cannot be lent to this member now: it is on loan (or being lent this
 * very moment), kept on the hold shelf for someone else, or out of circulation. Reserves nothing.
 */
export class CopyNotLendable extends DomainError {
  readonly code = 'NO_COPY_AVAILABLE' as const;

  constructor(copy: { readonly barcode: string; readonly bookId: string }, why: CopyUnavailability) {
    super(`Copy ${copy.barcode} ${UNAVAILABLE[why]}, so it cannot be lent now.`, {
      bookId: copy.bookId,
      barcode: copy.barcode,
      reason: why,
      field: 'barcodes',
    });
  }
}

/**
 * A librarian named a free copy of a book while another copy of it waits on the hold shelf for
 * this very member: lending the free one would leave the kept one stranded for a hold that is done.
 */
export class HeldCopyWaiting extends InvalidInput {
  constructor(named: string, held: string) {
    super(
      'barcodes',
      `Copy ${held} of the same book waits on the hold shelf for this member; lend them that copy instead of ${named}.`,
    );
  }
}

/** Only a copy back on the shelves (AVAILABLE, kept for nobody) can be withdrawn. */
export class CopyInUse extends InvalidInput {
  constructor(status: string) {
    super(
      'copyId',
      `This copy is ${status === 'ON_LOAN' ? 'on loan' : 'waiting on the hold shelf'}; it can be withdrawn once it is back on the shelves.`,
    );
  }
}

/**
 * A generated barcode is already on another copy. Not a client's mistake: the adder draws new
 * barcodes and tries again; it only surfaces (as an unexpected error) if that keeps happening.
 */
export class BarcodeTaken extends Error {
  constructor() {
    super('A generated barcode is already in use');
    this.name = 'BarcodeTaken';
  }
}

/**
 * Another writer changed the copy between this unit of work loading it and saving it (its
 * optimistic lock lost); nothing of this write was stored. Use cases load it again and retry.
 */
export class CopyChangedMeanwhile extends ConcurrentChange {}
