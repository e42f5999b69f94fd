import type { BookStats } from './BookStats';

/** Analytics' per-book read models. */
export interface BookStatsRepository {
  /** Adds the book unless it is already known (a known book keeps its counts); says whether it was new. */
  addIfAbsent(stats: BookStats): Promise<boolean>;
  byIds(bookIds: readonly string[]): Promise<BookStats[]>;
  /** The `limit` books borrowed most of all time (at least once), ties by book id; within a subject if given. */
  mostBorrowed(subject: string | null, limit: number): Promise<BookStats[]>;
  /** Which of these books have the subject. */
  withSubject(bookIds: readonly string[], subject: string): Promise<Set<string>>;
}
