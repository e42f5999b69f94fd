import type { KnownBook } from './KnownBook';

/** The books comments has heard of. */
export interface KnownBookRepository {
  exists(bookId: string): Promise<boolean>;
  /** Adds the book unless it is already known; says whether it was new. */
  addIfAbsent(book: KnownBook): Promise<boolean>;
}
