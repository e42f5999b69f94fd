import { retryOnConflict } from '@shelfmark/subgraph-kit';
import { BookStats, type CataloguedBook } from '../../domain';
import type { AnalyticsStores } from '../AnalyticsStores';

export type BookRecordOutcome = 'added' | 'catalogued' | 'already-known';

/**
 * Records what the catalogue says of a book it added. A book already counted through its borrows
 * takes its title and subjects and keeps its counts; a book already catalogued changes nothing,
 * so a redelivered (or re-announced) book-added is a no-op. A borrow of the same book counted
 * meanwhile wins the row: it is read again and filled in (the kit's conflict policy).
 */
export class BookRecorder {
  /** `open` gives the repositories over a fresh unit of work: one per attempt. */
  constructor(private readonly open: () => Pick<AnalyticsStores, 'stats'>) {}

  record(book: CataloguedBook): Promise<BookRecordOutcome> {
    return retryOnConflict(async () => {
      const { stats } = this.open();
      const known = await stats.byId(book.bookId);
      if (!known) {
        await stats.add(BookStats.fromCatalogue(book));
        return 'added';
      }
      if (!known.catalogue(book)) return 'already-known';
      await stats.save(known);
      return 'catalogued';
    });
  }
}
