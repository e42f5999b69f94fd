import type { Borrower } from './Borrower';

export interface BorrowerRepository {
  byId(memberId: string): Promise<Borrower | null>;
  byIds(memberIds: readonly string[]): Promise<Borrower[]>;
  /** The member with this library card (as issued: `SM-########`). */
  byCardNumber(cardNumber: string): Promise<Borrower | null>;
  /** Inserts a new borrower or writes a loaded one (optimistic: a lost race throws a conflict). */
  save(borrower: Borrower): Promise<void>;
}
