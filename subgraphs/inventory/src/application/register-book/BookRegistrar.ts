import { CatalogueBook, type CatalogueBookRepository } from '../../domain';

/** What catalogue announced about a new book, as far as inventory cares. */
export interface AddedBook {
  readonly bookId: string;
  readonly isbn: string;
  readonly title: string;
  readonly addedAt: Date;
}

/**
 * Learns of a book catalogue added. Idempotent by the book's id: a redelivered announcement
 * changes nothing, so at-least-once delivery gives exactly-once effect.
 */
export class BookRegistrar {
  /** `books` opens the repository on a fresh unit of work: one per registration. */
  constructor(private readonly books: () => CatalogueBookRepository) {}

  /** True when the book was new to inventory, false when it was already known. */
  register({ bookId, isbn, title, addedAt }: AddedBook): Promise<boolean> {
    return this.books().addIfAbsent(CatalogueBook.of(bookId, isbn, title, addedAt));
  }
}
