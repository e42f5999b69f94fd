import { insertIfAbsent, isMongo, rowBy } from '@shelfmark/subgraph-kit';
import { raw, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { BorrowRecord, BorrowRecordRepository } from '../../domain';
import { BorrowRecordSchema } from './borrow-record.schema';

export class MikroOrmBorrowRecordRepository implements BorrowRecordRepository {
  constructor(private readonly em: EntityManager) {}

  async has(loanId: string): Promise<boolean> {
    // By key, once per counted borrow: the kit's lookup rather than a count through the query builder.
    return (await rowBy(this.em, BorrowRecordSchema, { loanId })) !== null;
  }

  addIfAbsent(record: BorrowRecord): Promise<boolean> {
    // A concurrent delivery of the same borrow recorded it first: same outcome.
    return insertIfAbsent(this.em, record);
  }

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
    if (isMongo(this.em)) {
      // The same grouping on the server: one indexed range match, counted per book.
      const rows = (await this.em.aggregate(BorrowRecordSchema, [
        { $match: inWindow },
        { $group: { _id: '$bookId', count: { $sum: 1 } } },
      ])) as { _id: string; count: number }[];
      for (const row of rows) counts.set(row._id, row.count);
      return counts;
    }
    throw new Error('Borrow counts need an SQL or a MongoDB driver');
  }
}

function isSql(em: EntityManager): em is SqlEntityManager {
  return 'createQueryBuilder' in em && typeof em.createQueryBuilder === 'function';
}
