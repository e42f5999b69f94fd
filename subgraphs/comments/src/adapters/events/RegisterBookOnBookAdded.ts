import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { BookRegistrar } from '../../application/register-book/BookRegistrar';

type BookAdded = 'shelfmark.catalogue.book-added.v1';

/**
 * Comments learns which books exist from the catalogue, so it can refuse comments on books that
 * do not. Idempotent: the read model is keyed by the book's id.
 */
export class RegisterBookOnBookAdded implements Consumer<BookAdded> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'RegisterBookOnBookAdded';
  readonly types = ['shelfmark.catalogue.book-added.v1'] as const;

  constructor(private readonly registrar: BookRegistrar) {}

  async handle(event: ShelfmarkEvent<BookAdded>): Promise<void> {
    await this.registrar.register(event.data.bookId, new Date(event.time));
  }
}
