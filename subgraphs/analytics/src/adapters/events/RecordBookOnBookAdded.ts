import type { MikroORM } from '@mikro-orm/core';
import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import { BookRecorder } from '../../application/record-book/BookRecorder';
import { MikroOrmBookStatsRepository } from '../persistence/MikroOrmBookStatsRepository';

type BookAdded = 'shelfmark.catalogue.book-added.v1';

/**
 * Starts a book's statistics when the catalogue adds it, with the subjects rankings filter by.
 * Idempotent: keyed by the book's id, and a known book keeps its counts.
 */
export class RecordBookOnBookAdded implements Consumer<BookAdded> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'RecordBookOnBookAdded';
  readonly types = ['shelfmark.catalogue.book-added.v1'] as const;

  constructor(private readonly orm: MikroORM) {}

  async handle(event: ShelfmarkEvent<BookAdded>): Promise<void> {
    const { bookId, title, subjects } = event.data;
    await new BookRecorder(new MikroOrmBookStatsRepository(this.orm.em.fork())).record({
      bookId,
      title,
      subjects,
    });
  }
}
