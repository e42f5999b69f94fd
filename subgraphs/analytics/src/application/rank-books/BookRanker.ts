import {
  normaliseSubject,
  rankBooks,
  type RankingWindow,
  windowStart,
  type BookStatsRepository,
  type BorrowRecordRepository,
  type RankingEntry,
} from '../../domain';

export interface RankingQuery {
  readonly window: RankingWindow;
  /** Only books with this subject (any case and spacing); all books when null or blank. */
  readonly subject: string | null;
  /** How many entries at most; validated by the caller (1..100). */
  readonly first: number;
}

/** The most borrowed books, of all time or of a recent window, optionally within a subject. */
export class BookRanker {
  constructor(
    private readonly stats: BookStatsRepository,
    private readonly records: BorrowRecordRepository,
    /** What "now" is for the windows: the subgraph's clock, so tests and jobs agree on the time. */
    private readonly clock: () => Date,
  ) {}

  async rank({ window, subject, first }: RankingQuery): Promise<RankingEntry[]> {
    const within = subject?.trim() ? normaliseSubject(subject) : null;
    const now = this.clock();
    const since = windowStart(window, now);
    if (since === null) {
      // All time: the running counter on each book, so no scan of every borrow ever made.
      const top = await this.stats.mostBorrowed(within, first);
      return rankBooks(new Map(top.map((book) => [book.bookId, book.borrowCount])), first);
    }
    const counts = await this.records.countsByBook(since, now);
    if (within !== null && counts.size > 0) {
      const inSubject = await this.stats.withSubject([...counts.keys()], within);
      for (const bookId of counts.keys()) if (!inSubject.has(bookId)) counts.delete(bookId);
    }
    return rankBooks(counts, first);
  }
}
