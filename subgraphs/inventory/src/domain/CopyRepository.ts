import type { Copy } from './Copy';
import type { CopyStatus } from './CopyStatus';

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
  byIds(ids: readonly string[]): Promise<Copy[]>;
  byBarcode(barcode: string): Promise<Copy | null>;
  /** The copies of these books, sorted by barcode. */
  byBookIds(bookIds: readonly string[]): Promise<Copy[]>;
  /** How many copies of these books are in each status; statuses with none are left out. */
  statusCounts(bookIds: readonly string[]): Promise<StatusCount[]>;
}
