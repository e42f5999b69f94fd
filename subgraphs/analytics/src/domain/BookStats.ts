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
 *
 * Events of two contexts build it, in no guaranteed order: a borrow may arrive before the
 * catalogue's book-added (or that one may be lost). Such a book is counted all the same, without
 * a title or subjects, and takes them when the catalogue's event comes.
 */
export class BookStats extends AggregateRoot {
  bookId!: string;
  /** Null until the catalogue's book-added arrived. */
  title!: string | null;
  /** Lower-case subject headings, as the catalogue normalised them; none until it told them. */
  subjects!: string[];
  /** `|subject|subject|`, so "has subject" is a substring test on every database. */
  subjectsKey!: string;
  borrowCount!: number;
  lastBorrowedAt!: Date | null;

  static fromCatalogue(book: CataloguedBook): BookStats {
    const stats = BookStats.uncatalogued(book.bookId);
    stats.catalogue(book);
    return stats;
  }

  /** A book analytics heard of through a borrow before the catalogue announced it. */
  static uncatalogued(bookId: string): BookStats {
    const stats = new BookStats();
    stats.bookId = bookId;
    stats.title = null;
    stats.subjects = [];
    stats.subjectsKey = '||';
    stats.borrowCount = 0;
    stats.lastBorrowedAt = null;
    return stats;
  }

  /**
   * Takes the title and subjects the catalogue announced, keeping the counts. Returns false,
   * changing nothing, when the book already has them: the first announcement stands.
   */
  catalogue({ title, subjects }: Omit<CataloguedBook, 'bookId'>): boolean {
    if (this.title !== null) return false;
    this.title = title;
    this.subjects = [...new Set(subjects.map(normaliseSubject))];
    this.subjectsKey = `|${this.subjects.join('|')}|`;
    return true;
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
