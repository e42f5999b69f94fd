import type { MikroORM } from '@mikro-orm/core';
import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import { retryOnConflict } from '@shelfmark/subgraph-kit';
import { CONFLICT_ATTEMPTS } from './CountBorrowOnLoanBorrowed';
import { BookRecorder } from '../../application/record-book/BookRecorder';
import { MikroOrmBookStatsRepository } from '../persistence/MikroOrmBookStatsRepository';

type BookAdded = 'shelfmark.catalogue.book-added.v1';

/**
 * Records a book's title and subjects (what rankings filter by) when the catalogue adds it: a new
 * book's statistics, or the details of one already counted through its borrows. Idempotent:
 * keyed by the book's id, and a catalogued book keeps its details and its counts.
 */
export class RecordBookOnBookAdded implements Consumer<BookAdded> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'RecordBookOnBookAdded';
  readonly types = ['shelfmark.catalogue.book-added.v1'] as const;

  constructor(private readonly orm: MikroORM) {}

  async handle(event: ShelfmarkEvent<BookAdded>): Promise<void> {
    const { bookId, title, subjects } = event.data;
    // A borrow of the same book counted meanwhile wins the row: read it again and fill it in.
    await retryOnConflict(
      () =>
        new BookRecorder(new MikroOrmBookStatsRepository(this.orm.em.fork())).record({
          bookId,
          title,
          subjects,
        }),
      CONFLICT_ATTEMPTS,
    );
  }
}
