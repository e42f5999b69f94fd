import { raw, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { isUniqueViolation } from '@shelfmark/subgraph-kit';
import {
  BarcodeTaken,
  type Copy,
  type CopyRepository,
  type CopyStatus,
  type StatusCount,
} from '../../domain';
import { CopySchema } from './copy.schema';

export class MikroOrmCopyRepository implements CopyRepository {
  constructor(private readonly em: EntityManager) {}

  async addAll(copies: readonly Copy[]): Promise<void> {
    try {
      // One flush in one transaction; on failure the request's unit of work is left untouched.
      await this.em.transactional((em) => {
        em.persist([...copies]);
      });
    } catch (error) {
      // The only unique key a new copy can collide on is its barcode (its id is a fresh UUID).
      if (isUniqueViolation(error)) throw new BarcodeTaken();
      throw error;
    }
  }

  byIds(ids: readonly string[]): Promise<Copy[]> {
    return this.em.find(CopySchema, { id: { $in: [...ids] } });
  }

  byBarcode(barcode: string): Promise<Copy | null> {
    return this.em.findOne(CopySchema, { barcode });
  }

  byBookIds(bookIds: readonly string[]): Promise<Copy[]> {
    return this.em.find(CopySchema, { bookId: { $in: [...bookIds] } }, { orderBy: { barcode: 'asc' } });
  }

  async statusCounts(bookIds: readonly string[]): Promise<StatusCount[]> {
    if (isSql(this.em)) {
      const rows = await this.em
        .createQueryBuilder(CopySchema, 'c')
        .select(['c.bookId', 'c.status', raw('count(*) as count')])
        .where({ bookId: { $in: [...bookIds] } })
        .groupBy(['c.bookId', 'c.status'])
        .execute<{ bookId: string; status: CopyStatus; count: number | string }[]>('all');
      return rows.map((row) => ({ bookId: row.bookId, status: row.status, count: Number(row.count) }));
    }
    // Drivers without SQL grouping: still one query, counted here from the two columns it needs.
    const copies = await this.em.find(
      CopySchema,
      { bookId: { $in: [...bookIds] } },
      { fields: ['bookId', 'status'] },
    );
    const counts = new Map<string, StatusCount>();
    for (const { bookId, status } of copies) {
      const key = `${bookId}\u0000${status}`;
      counts.set(key, { bookId, status, count: (counts.get(key)?.count ?? 0) + 1 });
    }
    return [...counts.values()];
  }
}

function isSql(em: EntityManager): em is SqlEntityManager {
  return 'createQueryBuilder' in em && typeof em.createQueryBuilder === 'function';
}
