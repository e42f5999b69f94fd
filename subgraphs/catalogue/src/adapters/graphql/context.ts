import type { Loader, SubgraphContext } from '@shelfmark/subgraph-kit';
import type { BookAdder } from '../../application/add-book/BookAdder';
import type { BookFinder } from '../../application/find-books/BookFinder';
import type { Book } from '../../domain';

export interface CatalogueContext extends SubgraphContext {
  readonly addBook: BookAdder;
  readonly findBooks: BookFinder;
  /** Batches `book(id)` and entity references into one query per request. */
  readonly bookById: Loader<string, Book | null>;
}
