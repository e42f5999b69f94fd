import { AggregateRoot } from '@shelfmark/events';

export interface CataloguedBook {
  readonly bookId: string;
  readonly title: string;
  readonly subjects: readonly string[];
}

/**
 * Analytics' read model of one book: what the catalogue said about it and how often it was
 * borrowed. It extends AggregateRoot for the inbox (`handledEvents`) and the optimistic lock:
 * counting a borrow is keyed by the loan event's id, so a redelivered event counts once.
 */
export class BookStats extends AggregateRoot {
  bookId!: string;
  title!: string;
  /** Lower-case subject headings, as the catalogue normalised them. */
  subjects!: string[];
  /** `|subject|subject|`, so "has subject" is a substring test on every database. */
  subjectsKey!: string;
  borrowCount!: number;
  lastBorrowedAt!: Date | null;

  static fromCatalogue({ bookId, title, subjects }: CataloguedBook): BookStats {
    const stats = new BookStats();
    stats.bookId = bookId;
    stats.title = title;
    stats.subjects = [...new Set(subjects.map(normaliseSubject))];
    stats.subjectsKey = `|${stats.subjects.join('|')}|`;
    stats.borrowCount = 0;
    stats.lastBorrowedAt = null;
    return stats;
  }

  /**
   * Counts one borrow of the book, announced by the event `eventId`. Returns false, changing
   * nothing, when that event was already counted.
   */
  countBorrow(eventId: string, borrowedAt: Date): boolean {
    if (this.hasHandled(eventId)) return false;
    this.borrowCount += 1;
    if (!this.lastBorrowedAt || borrowedAt > this.lastBorrowedAt) this.lastBorrowedAt = borrowedAt;
    this.markHandled(eventId);
    return true;
  }
}

/** The catalogue's normal form of a subject: trimmed, single-spaced, lower case. */
export function normaliseSubject(subject: string): string {
  return subject.trim().replace(/\s+/g, ' ').toLowerCase();
}
