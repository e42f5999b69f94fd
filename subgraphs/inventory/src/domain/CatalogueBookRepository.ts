import type { CatalogueBook } from './CatalogueBook';

/** The books inventory has learnt of from catalogue's events. */
export interface CatalogueBookRepository {
  exists(bookId: string): Promise<boolean>;
  /** The known books among these ids (in no particular order); unknown ids are left out. */
  byIds(bookIds: readonly string[]): Promise<CatalogueBook[]>;
  /** Stores the book unless one with its id is already known; true when it was new. */
  addIfAbsent(book: CatalogueBook): Promise<boolean>;
}
