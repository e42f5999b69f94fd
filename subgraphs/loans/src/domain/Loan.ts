import { AggregateRoot } from '@shelfmark/events';

export const LoanStatus = {
  /** Lent and not yet due. */
  ACTIVE: 'ACTIVE',
  /** Given back; the copy is no longer the member's. */
  RETURNED: 'RETURNED',
  /** Still out after its due date (set by the overdue job). */
  OVERDUE: 'OVERDUE',
} as const;
export type LoanStatus = (typeof LoanStatus)[keyof typeof LoanStatus];
export const LOAN_STATUSES = Object.values(LoanStatus);

/**
 * One copy of a book lent to one member. The borrow saga, returns, renewals and the overdue job
 * that change it arrive with the circulation work; the state and its storage are settled here.
 * An aggregate: the events of those changes will be recorded in its own outbox.
 */
export class Loan extends AggregateRoot {
  id!: string;
  memberId!: string;
  copyId!: string;
  /** The book the copy belongs to, kept so a member's loans list needs no inventory call. */
  bookId!: string;
  borrowedAt!: Date;
  dueAt!: Date;
  returnedAt!: Date | null;
  /** How many times the due date was pushed back. */
  renewals!: number;
  status!: LoanStatus;
}
