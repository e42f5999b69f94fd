import type { Borrower } from './Borrower';

export interface BorrowerRepository {
  byId(memberId: string): Promise<Borrower | null>;
  /** Inserts a new borrower or writes a loaded one (optimistic: a lost race throws a conflict). */
  save(borrower: Borrower): Promise<void>;
}
