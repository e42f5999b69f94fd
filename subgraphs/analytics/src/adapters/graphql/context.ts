import type { SubgraphContext } from '@shelfmark/subgraph-kit';
import DataLoader from 'dataloader';
import type { BookRanker } from '../../application/rank-books/BookRanker';
import type { BookStats } from '../../domain';

export interface AnalyticsContext extends SubgraphContext {
  readonly rankBooks: BookRanker;
  /** `Book.borrowCount`: one query for every book of the request. */
  readonly borrowCountOf: DataLoader<string, number>;
}

/** A book analytics has no statistics for was never borrowed as far as it knows: 0. */
export function borrowCountLoader(
  load: (bookIds: readonly string[]) => Promise<BookStats[]>,
): DataLoader<string, number> {
  return new DataLoader(async (bookIds) => {
    const counts = new Map((await load(bookIds)).map((stats) => [stats.bookId, stats.borrowCount]));
    return bookIds.map((id) => counts.get(id) ?? 0);
  });
}
