import { byId, type BatchLoad, type Loader, type SubgraphContext } from '@shelfmark/subgraph-kit';
import type { BookRanker } from '../../application/rank-books/BookRanker';
import type { BookStats } from '../../domain';

export interface AnalyticsContext extends SubgraphContext {
  readonly rankBooks: BookRanker;
  /** `Book.borrowCount`: one query for every book of the request. */
  readonly borrowCountOf: Loader<string, number>;
}

/** A book analytics has no statistics for was never borrowed as far as it knows: 0. */
export function borrowCountLoader(load: BatchLoad<string, BookStats>): Loader<string, number> {
  return byId(
    load,
    (stats) => stats.bookId,
    (stats) => stats?.borrowCount ?? 0,
  );
}
