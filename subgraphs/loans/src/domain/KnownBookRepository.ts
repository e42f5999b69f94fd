import type { KnownBook } from './KnownBook';

export interface KnownBookRepository {
  byId(bookId: string): Promise<KnownBook | null>;
  /** Registers the book; false when it was known already. */
  add(book: KnownBook): Promise<boolean>;
}
