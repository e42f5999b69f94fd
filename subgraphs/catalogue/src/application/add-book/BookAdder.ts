import { randomUUID } from 'node:crypto';
import { Book, DuplicateIsbn, type BookRepository, type NewBook } from '../../domain';

/** Adds a book to the catalogue: one ISBN, one book. Librarians only (checked at the edge of the graph). */
export class BookAdder {
  constructor(
    private readonly books: BookRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async add(input: NewBook): Promise<Book> {
    const book = Book.add(randomUUID(), input, this.clock());
    if (await this.books.byIsbn(book.isbn)) throw new DuplicateIsbn(book.isbn);
    // The unique index settles the race of two librarians adding the same ISBN at once.
    await this.books.add(book);
    return book;
  }
}
