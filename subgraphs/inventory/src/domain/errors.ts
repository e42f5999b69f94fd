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
