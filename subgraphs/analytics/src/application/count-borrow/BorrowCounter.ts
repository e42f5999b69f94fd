import { BookStats, BorrowRecord, type BookStatsRepository, type BorrowRecordRepository } from '../../domain';

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
 * A write that loses a race (the book changed or was added since it was read) throws before the
 * loan is recorded; the caller runs `count` again on fresh reads.
 */
export class BorrowCounter {
  constructor(
    private readonly stats: BookStatsRepository,
    private readonly records: BorrowRecordRepository,
  ) {}

  async count(borrow: AnnouncedBorrow): Promise<BorrowCountOutcome> {
    const { eventId, loanId, bookId, borrowedAt } = borrow;
    if (await this.records.has(loanId)) return 'already-counted';
    const known = await this.stats.byId(bookId);
    const stats = known ?? BookStats.uncatalogued(bookId);
    const counted = stats.countBorrow(eventId, borrowedAt);
    if (!known) await this.stats.add(stats);
    else if (counted) await this.stats.save(stats);
    await this.records.addIfAbsent(BorrowRecord.of(loanId, bookId, borrowedAt));
    return counted ? 'counted' : 'already-counted';
  }
}
