import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { BookRegistrar } from '../../application/register-book/BookRegistrar';

type BookAdded = 'shelfmark.catalogue.book-added.v1';

/** Loans learns which books exist from the catalogue, so holds on unknown books are refused. */
export class RegisterBookOnBookAdded implements Consumer<BookAdded> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'RegisterBookOnBookAdded';
  readonly types = ['shelfmark.catalogue.book-added.v1'] as const;

  constructor(private readonly books: BookRegistrar) {}

  async handle(event: ShelfmarkEvent<BookAdded>): Promise<void> {
    await this.books.register(event.data.bookId, event.data.title);
  }
}
