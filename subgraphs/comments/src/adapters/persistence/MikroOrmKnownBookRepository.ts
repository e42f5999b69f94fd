import type { EntityManager } from '@mikro-orm/core';
import { insertIfAbsent } from '@shelfmark/subgraph-kit';
import type { KnownBook, KnownBookRepository } from '../../domain';
import { KnownBookSchema } from './known-book.schema';

export class MikroOrmKnownBookRepository implements KnownBookRepository {
  constructor(private readonly em: EntityManager) {}

  async exists(bookId: string): Promise<boolean> {
    return (await this.em.count(KnownBookSchema, { bookId })) > 0;
  }

  async addIfAbsent(book: KnownBook): Promise<boolean> {
    if (await this.exists(book.bookId)) return false;
    return insertIfAbsent(this.em, book);
  }
}
