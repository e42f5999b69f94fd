import type { FreshCopies } from '../../domain';
import type { CopyChanger } from '../change-copy/CopyChanger';

export interface ReleaseCopies {
  readonly borrowId: string;
  /** The books of the borrow given up: only their copies are released. */
  readonly bookIds: readonly string[];
  /** The event that gave the borrow up (borrow-cancelled). */
  readonly causedBy: string;
}

/**
 * Gives back what a borrow request reserved once loans gives the request up (borrow-cancelled):
 * each copy returns to where it came from, one write per copy. Copies already released, or lent
 * in the meantime, are left alone, so a redelivered or late cancellation changes nothing.
 */
export class CopyReleaser {
  constructor(
    private readonly copies: FreshCopies,
    private readonly changer: CopyChanger,
    private readonly clock: () => Date,
  ) {}

  /** The ids of the copies it released. */
  async release({ borrowId, bookIds, causedBy }: ReleaseCopies): Promise<string[]> {
    const books = new Set(bookIds);
    const reserved = (await this.copies().byBorrow(borrowId)).filter(
      (copy) => copy.reservedFor === borrowId && books.has(copy.bookId),
    );
    const released: string[] = [];
    for (const { id } of reserved) {
      const outcome = await this.changer.change(id, (copy) => copy.release(borrowId, this.clock()), causedBy);
      if (outcome === 'changed') released.push(id);
    }
    return released;
  }
}
