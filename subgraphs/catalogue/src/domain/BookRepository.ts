import type { Book } from './Book';

export interface BookQuery {
  /** Words that must all appear in the title, subtitle, authors or ISBN. */
  readonly terms: readonly string[];
  readonly subject: string | null;
  readonly first: number;
  /** Position after which the page starts: the sort key and id of the last book seen. */
  readonly after: readonly [titleKey: string, id: string] | null;
}

export interface BookPage {
  readonly books: readonly Book[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** The catalogue's books, sorted by title. */
export interface BookRepository {
  add(book: Book): Promise<void>;
  byIds(ids: readonly string[]): Promise<Book[]>;
  byIsbn(isbn: string): Promise<Book | null>;
  search(query: BookQuery): Promise<BookPage>;
}
