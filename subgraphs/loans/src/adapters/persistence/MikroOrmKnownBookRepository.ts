import type { EntityManager } from '@mikro-orm/core';
import { insertIfAbsent } from '@shelfmark/subgraph-kit';
import type { KnownBook, KnownBookRepository } from '../../domain';
import { KnownBookSchema } from './known-book.schema';

export class MikroOrmKnownBookRepository implements KnownBookRepository {
  constructor(private readonly em: EntityManager) {}

  byId(bookId: string): Promise<KnownBook | null> {
    return this.em.findOne(KnownBookSchema, { bookId });
  }

  async add(book: KnownBook): Promise<boolean> {
    if (await this.byId(book.bookId)) return false;
    return insertIfAbsent(this.em, book);
  }
}
