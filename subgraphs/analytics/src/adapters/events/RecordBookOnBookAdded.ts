import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { BookRecorder } from '../../application/record-book/BookRecorder';

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

  constructor(private readonly recorder: BookRecorder) {}

  async handle(event: ShelfmarkEvent<BookAdded>): Promise<void> {
    const { bookId, title, subjects } = event.data;
    await this.recorder.record({ bookId, title, subjects });
  }
}
