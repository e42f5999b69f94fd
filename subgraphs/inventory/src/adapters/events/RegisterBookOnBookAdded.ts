import type { Consumer, Logger, ShelfmarkEvent } from '@shelfmark/events';
import type { BookRegistrar } from '../../application/register-book/BookRegistrar';

type BookAdded = 'shelfmark.catalogue.book-added.v1';

/**
 * Keeps inventory's read model of catalogue's books: each `book-added` registers the book, once.
 * Redeliveries find the book already known and change nothing.
 */
export class RegisterBookOnBookAdded implements Consumer<BookAdded> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'RegisterBookOnBookAdded';
  readonly types = ['shelfmark.catalogue.book-added.v1'] as const;

  constructor(
    private readonly registrar: BookRegistrar,
    private readonly logger: Logger,
  ) {}

  async handle(event: ShelfmarkEvent<BookAdded>): Promise<void> {
    const { bookId, isbn, title } = event.data;
    const registered = await this.registrar.register({ bookId, isbn, title, addedAt: new Date(event.time) });
    this.logger.debug(
      { eventId: event.id, bookId, registered },
      registered ? 'book registered' : 'book already known',
    );
  }
}
