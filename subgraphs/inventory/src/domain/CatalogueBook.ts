/**
 * What inventory knows of a catalogued book: a read model fed by catalogue's `book-added` events,
 * so that inventory can refuse copies of a book that does not exist without calling catalogue.
 * Keyed by the book's id, which makes registering the same book twice a no-op.
 */
export class CatalogueBook {
  bookId!: string;
  isbn!: string;
  title!: string;
  /** When catalogue added the book (the event's time). */
  addedAt!: Date;

  static of(bookId: string, isbn: string, title: string, addedAt: Date): CatalogueBook {
    const book = new CatalogueBook();
    book.bookId = bookId;
    book.isbn = isbn;
    book.title = title;
    book.addedAt = addedAt;
    return book;
  }
}
