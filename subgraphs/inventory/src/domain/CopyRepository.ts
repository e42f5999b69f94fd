import type { Copy } from './Copy';
import type { CopyStatus } from './CopyStatus';

/** A copy a borrow could reserve, as the search for one found it: which, and in what status. */
export interface CopyCandidate {
  readonly id: string;
  readonly status: CopyStatus;
}

export interface StatusCount {
  readonly bookId: string;
  readonly status: CopyStatus;
  readonly count: number;
}

/** The library's copies. */
export interface CopyRepository {
  /**
   * Stores every copy or none (one transaction). Throws {@link BarcodeTaken} when a barcode is
   * already in use, having stored nothing.
   */
  addAll(copies: readonly Copy[]): Promise<void>;
  /**
   * Writes the changes of a copy loaded from this repository: one single-copy write, checked by
   * its version. Throws {@link CopyChangedMeanwhile}, having stored nothing, when another writer
   * changed the copy since it was loaded.
   */
  save(copy: Copy): Promise<void>;
  byId(id: string): Promise<Copy | null>;
  byIds(ids: readonly string[]): Promise<Copy[]>;
  byBarcode(barcode: string): Promise<Copy | null>;
  /** The copies with these (normalised) barcodes; barcodes no copy has are left out. */
  byBarcodes(barcodes: readonly string[]): Promise<Copy[]>;
  /** Copies of these books waiting on the hold shelf for this member. */
  heldFor(memberId: string, bookIds: readonly string[]): Promise<Copy[]>;
  /** The copies of these books, sorted by barcode. */
  byBookIds(bookIds: readonly string[]): Promise<Copy[]>;
  /** How many copies of these books are in each status; statuses with none are left out. */
  statusCounts(bookIds: readonly string[]): Promise<StatusCount[]>;
  /** The copies reserved for this borrow request, or lent through it. */
  byBorrow(borrowId: string): Promise<Copy[]>;
  /**
   * Up to `limit` copies of the book this member could reserve now (see
   * {@link Copy.canBeReservedBy}): unreserved, and AVAILABLE without a hold or ON_HOLD_SHELF for
   * them; in barcode order. Only their ids and statuses: a borrow takes one of them, which it
   * reads again by id before it writes it.
   */
  reservableFor(bookId: string, memberId: string, limit: number): Promise<CopyCandidate[]>;
}

/**
 * A fresh unit of work over the copies at every call (a new fork of the entity manager): what a
 * use case loads from it and saves is one write, untouched by an earlier attempt that lost a race.
 */
export type FreshCopies = () => CopyRepository;
