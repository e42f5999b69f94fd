import type { MikroORM } from '@mikro-orm/core';
import { defineConsumer, type Consumer, type Logger } from '@shelfmark/events';
import { BookRegistrar } from '../../application/register-book/BookRegistrar';
import { MikroOrmCatalogueBookRepository } from '../persistence/MikroOrmCatalogueBookRepository';

/**
 * Keeps inventory's read model of catalogue's books: each `book-added` registers the book, once.
 * Redeliveries find the book already known and change nothing.
 */
export function registerBookOnBookAdded(orm: MikroORM, logger: Logger): Consumer {
  return defineConsumer({
    name: 'RegisterBookOnBookAdded',
    types: ['shelfmark.catalogue.book-added.v1'],
    async handle(event) {
      const registrar = new BookRegistrar(new MikroOrmCatalogueBookRepository(orm.em.fork()));
      const { bookId, isbn, title } = event.data;
      const registered = await registrar.register({ bookId, isbn, title, addedAt: new Date(event.time) });
      logger.debug(
        { eventId: event.id, bookId, registered },
        registered ? 'book registered' : 'book already known',
      );
    },
  });
}
