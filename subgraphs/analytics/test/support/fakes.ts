import {
  BookStats,
  BorrowRecord,
  type BookStatsRepository,
  type BorrowRecordRepository,
} from '../../src/domain';

/** What the fake throws where the real repository throws MikroORM's optimistic lock or unique violation. */
export class LostRace extends Error {
  override readonly name = 'LostRace';
}

/**
 * Book statistics kept as copies, as a database keeps rows: a use case sees its changes only once
 * saved, `add` refuses a book already there and `save` a book changed since it was read (its
 * `version`), like the real primary key and optimistic lock.
 */
export class InMemoryBookStatsRepository implements BookStatsRepository {
  private readonly rows = new Map<string, BookStats>();
  /** How many times a book was written (added or saved). */
  writes = 0;

  byId(bookId: string): Promise<BookStats | null> {
    const row = this.rows.get(bookId);
    return Promise.resolve(row ? copy(row) : null);
  }

  byIds(bookIds: readonly string[]): Promise<BookStats[]> {
    return Promise.resolve(bookIds.flatMap((id) => (this.rows.has(id) ? [copy(this.rows.get(id)!)] : [])));
  }

  add(stats: BookStats): Promise<void> {
    if (this.rows.has(stats.bookId)) return Promise.reject(new LostRace(`${stats.bookId} was added`));
    this.rows.set(stats.bookId, copy(stats));
    this.writes += 1;
    return Promise.resolve();
  }

  save(stats: BookStats): Promise<void> {
    if (this.rows.get(stats.bookId)?.version !== stats.version) {
      return Promise.reject(new LostRace(`${stats.bookId} changed since it was read`));
    }
    this.rows.set(stats.bookId, Object.assign(copy(stats), { version: stats.version + 1 }));
    this.writes += 1;
    return Promise.resolve();
  }

  mostBorrowed(subject: string | null, limit: number): Promise<BookStats[]> {
    return Promise.resolve(
      [...this.rows.values()]
        .filter((row) => row.borrowCount > 0 && (subject === null || row.subjects.includes(subject)))
        .sort((a, b) => b.borrowCount - a.borrowCount || a.bookId.localeCompare(b.bookId))
        .slice(0, limit)
        .map(copy),
    );
  }

  withSubject(bookIds: readonly string[], subject: string): Promise<Set<string>> {
    return Promise.resolve(
      new Set(bookIds.filter((id) => this.rows.get(id)?.subjects.includes(subject) ?? false)),
    );
  }
}

/** Borrow records kept as copies, keyed by loan like the real table. */
export class InMemoryBorrowRecordRepository implements BorrowRecordRepository {
  private readonly rows = new Map<string, BorrowRecord>();

  has(loanId: string): Promise<boolean> {
    return Promise.resolve(this.rows.has(loanId));
  }

  addIfAbsent(record: BorrowRecord): Promise<boolean> {
    if (this.rows.has(record.loanId)) return Promise.resolve(false);
    this.rows.set(record.loanId, BorrowRecord.of(record.loanId, record.bookId, record.borrowedAt));
    return Promise.resolve(true);
  }

  countsByBook(since: Date, until: Date): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { bookId, borrowedAt } of this.rows.values()) {
      if (borrowedAt >= since && borrowedAt <= until) counts.set(bookId, (counts.get(bookId) ?? 0) + 1);
    }
    return Promise.resolve(counts);
  }

  all(): BorrowRecord[] {
    return [...this.rows.values()];
  }
}

function copy(stats: BookStats): BookStats {
  return Object.assign(Object.create(BookStats.prototype) as BookStats, structuredClone({ ...stats }));
}
