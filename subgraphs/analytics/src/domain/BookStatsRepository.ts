import type { BookStats } from './BookStats';

/**
 * Analytics' per-book read models. `add` and `save` are the writes; each is one single-row write
 * that fails when a concurrent writer got there first (the same book added, or the book changed
 * since it was read). The caller then runs its whole use case again on fresh reads.
 */
export interface BookStatsRepository {
  byId(bookId: string): Promise<BookStats | null>;
  byIds(bookIds: readonly string[]): Promise<BookStats[]>;
  /** Adds a book not known yet; fails if a concurrent writer added it meanwhile. */
  add(stats: BookStats): Promise<void>;
  /** Writes a changed book back; fails if a concurrent writer changed it since it was read. */
  save(stats: BookStats): Promise<void>;
  /** The `limit` books borrowed most of all time (at least once), ties by book id; within a subject if given. */
  mostBorrowed(subject: string | null, limit: number): Promise<BookStats[]>;
  /** Which of these books have the subject. */
  withSubject(bookIds: readonly string[], subject: string): Promise<Set<string>>;
}
