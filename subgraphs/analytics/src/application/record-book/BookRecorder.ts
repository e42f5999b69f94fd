import { BookStats, type BookStatsRepository, type CataloguedBook } from '../../domain';

export type BookRecordOutcome = 'added' | 'catalogued' | 'already-known';

/**
 * Records what the catalogue says of a book it added. A book already counted through its borrows
 * takes its title and subjects and keeps its counts; a book already catalogued changes nothing,
 * so a redelivered (or re-announced) book-added is a no-op.
 */
export class BookRecorder {
  constructor(private readonly stats: BookStatsRepository) {}

  async record(book: CataloguedBook): Promise<BookRecordOutcome> {
    const known = await this.stats.byId(book.bookId);
    if (!known) {
      await this.stats.add(BookStats.fromCatalogue(book));
      return 'added';
    }
    if (!known.catalogue(book)) return 'already-known';
    await this.stats.save(known);
    return 'catalogued';
  }
}
