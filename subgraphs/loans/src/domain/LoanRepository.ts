import type { Loan, LoanStatus } from './Loan';

/** One page of a member's loan history, newest first. */
export interface LoanPage {
  readonly loans: Loan[];
  readonly hasNextPage: boolean;
}

/** Where the history continues after: the last loan of the previous page. */
export interface HistoryCursor {
  readonly borrowedAt: string;
  readonly id: string;
}

/** The loans subgraph's loans. */
export interface LoanRepository {
  byId(id: string): Promise<Loan | null>;
  byIds(ids: readonly string[]): Promise<Loan[]>;
  /** Loans of these members, newest first; every status when `status` is null. */
  ofMembers(memberIds: readonly string[], status: LoanStatus | null): Promise<Loan[]>;
  /**
   * Stores new loans; those whose id is already stored are left as they are (recovery re-runs).
   * Answers every one as stored: those found as first written, the others as just added.
   */
  addMissing(loans: readonly Loan[]): Promise<Loan[]>;
  /**
   * Stores loans whose ids are new, without looking for them first (one write per loan). Throws
   * the store's unique-key violation when one of them is stored already.
   */
  add(loans: readonly Loan[]): Promise<void>;
  save(loan: Loan): Promise<void>;
  /** Whether the member has a loan out past its due date (marked OVERDUE or not yet). */
  hasOverdue(memberId: string, now: Date): Promise<boolean>;
  /** Of these members, those with a loan out past its due date (marked OVERDUE or not yet). */
  withOverdue(memberIds: readonly string[], now: Date): Promise<string[]>;
  /** The loan the copy with this (normalised) barcode is out on, if any. */
  outByBarcode(barcode: string): Promise<Loan | null>;
  /** Whether the member has a copy of this book out. */
  hasOut(memberId: string, bookId: string): Promise<boolean>;
  /** ACTIVE loans due at or before `by`, oldest due first. */
  activeDueBy(by: Date, limit: number): Promise<Loan[]>;
  history(memberId: string, first: number, after: HistoryCursor | null): Promise<LoanPage>;
  count(memberId: string): Promise<number>;
}
