import { raw, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { BorrowRecordRepository } from '../../domain';
import { BorrowRecordSchema } from './borrow-record.schema';

export class MikroOrmBorrowRecordRepository implements BorrowRecordRepository {
  constructor(private readonly em: EntityManager) {}

  async countsByBook(since: Date, until: Date): Promise<Map<string, number>> {
    const inWindow = { borrowedAt: { $gte: since, $lte: until } };
    const counts = new Map<string, number>();
    if (isSql(this.em)) {
      const rows = await this.em
        .createQueryBuilder(BorrowRecordSchema, 'b')
        .select(['b.bookId', raw('count(*) as count')])
        .where(inWindow)
        .groupBy('b.bookId')
        .execute<{ bookId: string; count: number | string }[]>('all');
      for (const row of rows) counts.set(row.bookId, Number(row.count));
      return counts;
    }
    // Drivers without SQL grouping: still one indexed range query, counted here from the book ids.
    const rows = await this.em.find(BorrowRecordSchema, inWindow, {
      fields: ['bookId'],
      disableIdentityMap: true,
    });
    for (const { bookId } of rows) counts.set(bookId, (counts.get(bookId) ?? 0) + 1);
    return counts;
  }
}

function isSql(em: EntityManager): em is SqlEntityManager {
  return 'createQueryBuilder' in em && typeof em.createQueryBuilder === 'function';
}
