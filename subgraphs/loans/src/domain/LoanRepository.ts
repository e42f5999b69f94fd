import type { Loan, LoanStatus } from './Loan';

/** The loans subgraph's loans. */
export interface LoanRepository {
  byIds(ids: readonly string[]): Promise<Loan[]>;
  /** Loans of these members, newest first; every status when `status` is null. */
  ofMembers(memberIds: readonly string[], status: LoanStatus | null): Promise<Loan[]>;
}
