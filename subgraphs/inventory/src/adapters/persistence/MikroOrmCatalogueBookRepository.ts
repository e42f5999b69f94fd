import type { EntityManager } from '@mikro-orm/core';
import { isUniqueViolation } from '@shelfmark/subgraph-kit';
import type { CatalogueBook, CatalogueBookRepository } from '../../domain';
import { CatalogueBookSchema } from './catalogue-book.schema';

export class MikroOrmCatalogueBookRepository implements CatalogueBookRepository {
  constructor(private readonly em: EntityManager) {}

  async exists(bookId: string): Promise<boolean> {
    return (await this.em.count(CatalogueBookSchema, { bookId })) > 0;
  }

  byIds(bookIds: readonly string[]): Promise<CatalogueBook[]> {
    return this.em.find(CatalogueBookSchema, { bookId: { $in: [...bookIds] } });
  }

  async addIfAbsent(book: CatalogueBook): Promise<boolean> {
    if (await this.exists(book.bookId)) return false;
    try {
      await this.em.insert(CatalogueBookSchema, book);
      return true;
    } catch (error) {
      // Another delivery of the same event got there first: its effect is ours.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
