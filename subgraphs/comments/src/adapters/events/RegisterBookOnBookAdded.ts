import type { MikroORM } from '@mikro-orm/core';
import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import { BookRegistrar } from '../../application/register-book/BookRegistrar';
import { MikroOrmKnownBookRepository } from '../persistence/MikroOrmKnownBookRepository';

type BookAdded = 'shelfmark.catalogue.book-added.v1';

/**
 * Comments learns which books exist from the catalogue, so it can refuse comments on books that
 * do not. Idempotent: the read model is keyed by the book's id.
 */
export class RegisterBookOnBookAdded implements Consumer<BookAdded> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'RegisterBookOnBookAdded';
  readonly types = ['shelfmark.catalogue.book-added.v1'] as const;

  constructor(private readonly orm: MikroORM) {}

  async handle(event: ShelfmarkEvent<BookAdded>): Promise<void> {
    const registrar = new BookRegistrar(new MikroOrmKnownBookRepository(this.orm.em.fork()));
    await registrar.register(event.data.bookId, new Date(event.time));
  }
}
