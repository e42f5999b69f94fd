import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { BorrowCounter } from '../../application/count-borrow/BorrowCounter';

type LoanBorrowed = 'shelfmark.loans.loan-borrowed.v1';

/**
 * Counts each borrow for the rankings and `Book.borrowCount`, exactly once: the book's inbox
 * remembers the event, the borrow record is keyed by the loan.
 */
export class CountBorrowOnLoanBorrowed implements Consumer<LoanBorrowed> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'CountBorrowOnLoanBorrowed';
  readonly types = ['shelfmark.loans.loan-borrowed.v1'] as const;

  constructor(private readonly counter: BorrowCounter) {}

  async handle(event: ShelfmarkEvent<LoanBorrowed>): Promise<void> {
    const { loanId, bookId, borrowedAt } = event.data;
    await this.counter.count({ eventId: event.id, loanId, bookId, borrowedAt: new Date(borrowedAt) });
  }
}
