/**
 * What loans knows of a catalogued book, from catalogue's `book-added`: enough to refuse a hold
 * on a book that does not exist without calling catalogue (which may be down).
 */
export class KnownBook {
  bookId!: string;
  title!: string;

  static of(bookId: string, title: string): KnownBook {
    return Object.assign(new KnownBook(), { bookId, title });
  }
}
