import { NotFound } from '@shelfmark/errors';

/** A book that catalogue never announced (or whose announcement has not reached inventory yet). */
export class UnknownBook extends NotFound {
  constructor(bookId: string) {
    super('Book', bookId);
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
