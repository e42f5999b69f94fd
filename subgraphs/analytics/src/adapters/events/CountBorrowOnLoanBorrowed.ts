import type { MikroORM } from '@mikro-orm/core';
import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import { retryOnConflict } from '@shelfmark/subgraph-kit';
import { BorrowCounter } from '../../application/count-borrow/BorrowCounter';
import { MikroOrmBookStatsRepository } from '../persistence/MikroOrmBookStatsRepository';
import { MikroOrmBorrowRecordRepository } from '../persistence/MikroOrmBorrowRecordRepository';

type LoanBorrowed = 'shelfmark.loans.loan-borrowed.v1';

/** Tries in all before a lost race is left to the bus's retry with back-off. */
export const CONFLICT_ATTEMPTS = 5;

/**
 * Counts each borrow for the rankings and `Book.borrowCount`, exactly once: the book's inbox
 * remembers the event, the borrow record is keyed by the loan. Borrows of one book race on its
 * statistics (replicas, or Kafka redelivering while a handler still runs); the loser reads again
 * in a fresh unit of work, a few times, then leaves it to the bus's retry.
 */
export class CountBorrowOnLoanBorrowed implements Consumer<LoanBorrowed> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'CountBorrowOnLoanBorrowed';
  readonly types = ['shelfmark.loans.loan-borrowed.v1'] as const;

  constructor(private readonly orm: MikroORM) {}

  async handle(event: ShelfmarkEvent<LoanBorrowed>): Promise<void> {
    const { loanId, bookId, borrowedAt } = event.data;
    await retryOnConflict(() => {
      const em = this.orm.em.fork();
      const counter = new BorrowCounter(
        new MikroOrmBookStatsRepository(em),
        new MikroOrmBorrowRecordRepository(em),
      );
      return counter.count({ eventId: event.id, loanId, bookId, borrowedAt: new Date(borrowedAt) });
    }, CONFLICT_ATTEMPTS);
  }
}
