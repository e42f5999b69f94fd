import { retryOnConflict } from '@shelfmark/subgraph-kit';
import { BookStats, BorrowRecord } from '../../domain';
import type { AnalyticsStores } from '../AnalyticsStores';

/** One borrow, as the loans context announced it. */
export interface AnnouncedBorrow {
  /** The id of the event that announced it: the book's inbox remembers it once counted. */
  readonly eventId: string;
  readonly loanId: string;
  readonly bookId: string;
  readonly borrowedAt: Date;
}

export type BorrowCountOutcome = 'counted' | 'already-counted';

/**
 * Counts a borrow on its book's running total and records it for the windowed rankings, exactly
 * once however often (and however concurrently) it is announced.
 *
 * Two single-row writes, in this order, with no transaction across them (there is none on
 * MongoDB): the book's count, with the event id in its inbox, then the loan's `BorrowRecord`.
 * So a recorded loan was counted, and is done; an unrecorded one was counted only if the inbox
 * remembers the event (a delivery that stopped between the writes), and then is only recorded.
 *
 * A book analytics has not heard of yet (book-added still to come, or lost) is counted all the
 * same: its statistics start without a title or subjects, which book-added fills in later.
 *
 * Borrows of one book race on its statistics (replicas, or Kafka redelivering while a handler still
 * runs). A write that loses (the book changed or was added since it was read) throws before the
 * loan is recorded, and the whole count runs again on fresh reads, under the kit's conflict policy.
 */
export class BorrowCounter {
  /** `open` gives the repositories over a fresh unit of work: one per attempt. */
  constructor(private readonly open: () => AnalyticsStores) {}

  count(borrow: AnnouncedBorrow): Promise<BorrowCountOutcome> {
    const { eventId, loanId, bookId, borrowedAt } = borrow;
    return retryOnConflict(async () => {
      const { stats, records } = this.open();
      if (await records.has(loanId)) return 'already-counted';
      const known = await stats.byId(bookId);
      const book = known ?? BookStats.uncatalogued(bookId);
      const counted = book.countBorrow(eventId, borrowedAt);
      if (!known) await stats.add(book);
      else if (counted) await stats.save(book);
      await records.addIfAbsent(BorrowRecord.of(loanId, bookId, borrowedAt));
      return counted ? 'counted' : 'already-counted';
    });
  }
}
