import { Barcode, type Copy, type FreshCopies } from '../../domain';
import type { CopyChanger } from '../change-copy/CopyChanger';

export interface ReleaseCopies {
  readonly borrowId: string;
  /**
   * What the request given up asked for: only those copies are released. A borrowBooks request
   * names books (borrow-cancelled), a librarian's checkOut names copies by barcode (checkout-cancelled).
   */
  readonly asked: { readonly bookIds: readonly string[] } | { readonly barcodes: readonly string[] };
  /** The event that gave the request up. */
  readonly causedBy: string;
}

/**
 * Gives back what a borrow request reserved once loans gives the request up (borrow-cancelled,
 * checkout-cancelled): each copy returns to where it came from, one write per copy. Copies already
 * released, or lent in the meantime, are left alone, so a redelivered or late cancellation changes nothing.
 */
export class CopyReleaser {
  constructor(
    private readonly copies: FreshCopies,
    private readonly changer: CopyChanger,
    private readonly clock: () => Date,
  ) {}

  /** The ids of the copies it released. */
  async release({ borrowId, asked, causedBy }: ReleaseCopies): Promise<string[]> {
    const isAsked = askedFor(asked);
    const reserved = (await this.copies().byBorrow(borrowId)).filter(
      (copy) => copy.reservedFor === borrowId && isAsked(copy),
    );
    const released: string[] = [];
    for (const { id } of reserved) {
      const outcome = await this.changer.change(id, (copy) => copy.release(borrowId, this.clock()), causedBy);
      if (outcome === 'changed') released.push(id);
    }
    return released;
  }
}

function askedFor(asked: ReleaseCopies['asked']): (copy: Copy) => boolean {
  if ('bookIds' in asked) {
    const books = new Set(asked.bookIds);
    return (copy) => books.has(copy.bookId);
  }
  // As the librarian typed or scanned them; stored barcodes are normalised.
  const barcodes = new Set(asked.barcodes.map((barcode) => Barcode.normalise(barcode)));
  return (copy) => barcodes.has(copy.barcode);
}
