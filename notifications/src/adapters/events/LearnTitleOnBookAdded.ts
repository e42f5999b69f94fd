import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { TitleRegistrar } from '../../application/learn-title/TitleRegistrar';

type Handled = 'shelfmark.catalogue.book-added.v1';

/**
 * Learns a new book's title, so receipts and reminders can name it.
 */
export class LearnTitleOnBookAdded implements Consumer<Handled> {
  /** Its consumer group; the worker prefixes it with `notifications.`. */
  readonly name = 'LearnTitleOnBookAdded';
  readonly types = ['shelfmark.catalogue.book-added.v1'] as const;

  constructor(private readonly titles: TitleRegistrar) {}

  async handle(event: ShelfmarkEvent<Handled>): Promise<void> {
    await this.titles.register(event.data.bookId, event.data.title);
  }
}
