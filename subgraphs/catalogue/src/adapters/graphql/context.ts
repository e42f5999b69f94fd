import type { SubgraphContext } from '@shelfmark/subgraph-kit';
import DataLoader from 'dataloader';
import type { BookAdder } from '../../application/add-book/BookAdder';
import type { BookFinder } from '../../application/find-books/BookFinder';
import type { Book } from '../../domain';

export interface CatalogueContext extends SubgraphContext {
  readonly addBook: BookAdder;
  readonly findBooks: BookFinder;
  /** Batches `book(id)` and entity references into one query per request. */
  readonly bookById: DataLoader<string, Book | null>;
}

export function bookLoader(
  load: (ids: readonly string[]) => Promise<Book[]>,
): DataLoader<string, Book | null> {
  return new DataLoader(async (ids) => {
    const byId = new Map((await load(ids)).map((book) => [book.id, book]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
