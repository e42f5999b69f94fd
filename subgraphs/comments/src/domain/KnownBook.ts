/**
 * A book comments has heard of from the catalogue (book-added): only those can be commented on.
 * A read model keyed by the book's id, so registering one twice is the same as once.
 */
export class KnownBook {
  bookId!: string;
  /** When the catalogue added it. */
  addedAt!: Date;

  static register(bookId: string, addedAt: Date): KnownBook {
    const book = new KnownBook();
    book.bookId = bookId;
    book.addedAt = addedAt;
    return book;
  }
}
