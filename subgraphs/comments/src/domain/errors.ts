import { NotFound } from '@shelfmark/errors';

/** No book-added event ever named this book: it is not in the catalogue (yet). */
export class UnknownBook extends NotFound {
  constructor(bookId: string) {
    super('Book', bookId);
  }
}
