import { BookStats, type BookStatsRepository, type CataloguedBook } from '../../domain';

/** Starts the statistics of a book the catalogue added. Redelivered events change nothing. */
export class BookRecorder {
  constructor(private readonly stats: BookStatsRepository) {}

  record(book: CataloguedBook): Promise<boolean> {
    return this.stats.addIfAbsent(BookStats.fromCatalogue(book));
  }
}
