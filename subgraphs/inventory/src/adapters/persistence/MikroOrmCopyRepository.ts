import { OptimisticLockError, raw, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { isMongo, isUniqueViolation, rowBy } from '@shelfmark/subgraph-kit';
import {
  BarcodeTaken,
  CopyChangedMeanwhile,
  CopyStatus,
  type Copy,
  type CopyCandidate,
  type CopyRepository,
  type FreshCopies,
  type StatusCount,
} from '../../domain';
import { CopySchema } from './copy.schema';

type MongoEntityManager = EntityManager & {
  aggregate(entityName: typeof CopySchema, pipeline: object[]): Promise<unknown[]>;
};

export class MikroOrmCopyRepository implements CopyRepository {
  constructor(private readonly em: EntityManager) {}

  async addAll(copies: readonly Copy[]): Promise<void> {
    if (isMongo(this.em)) return this.insertAllOrNone(this.em, copies);
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

  /**
   * MongoDB without multi-document transactions: the batch is one ordered `insertMany`, which
   * stops at the first refused barcode with the copies before it already stored. Those are
   * deleted again (their ids are fresh UUIDs: nothing else has them), so a refused batch leaves
   * nothing behind. A process that dies between the two writes leaves those first copies, whole
   * and with their events (docs/adr/0008-mongodb.md).
   */
  private async insertAllOrNone(em: MongoEntityManager, copies: readonly Copy[]): Promise<void> {
    // A fork of its own, as SQL's transaction has: on failure the request's unit of work is untouched.
    const batch = em.fork();
    try {
      await batch.persist([...copies]).flush();
    } catch (error) {
      await batch.nativeDelete(CopySchema, { id: { $in: copies.map((copy) => copy.id) } });
      if (isUniqueViolation(error)) throw new BarcodeTaken();
      throw error;
    }
    for (const copy of copies) em.merge(copy);
  }

  async save(copy: Copy): Promise<void> {
    try {
      // One changed copy, one write: `version` is in its filter, so a concurrent writer cannot be overwritten.
      await this.em.persist(copy).flush();
    } catch (error) {
      if (error instanceof OptimisticLockError) throw new CopyChangedMeanwhile();
      throw error;
    }
  }

  byId(id: string): Promise<Copy | null> {
    return rowBy(this.em, CopySchema, { id });
  }

  byIds(ids: readonly string[]): Promise<Copy[]> {
    return this.em.find(CopySchema, { id: { $in: [...ids] } });
  }

  byBarcode(barcode: string): Promise<Copy | null> {
    return this.em.findOne(CopySchema, { barcode });
  }

  byBarcodes(barcodes: readonly string[]): Promise<Copy[]> {
    return this.em.find(CopySchema, { barcode: { $in: [...barcodes] } });
  }

  heldFor(memberId: string, bookIds: readonly string[]): Promise<Copy[]> {
    return this.em.find(
      CopySchema,
      { heldForMemberId: memberId, status: CopyStatus.ON_HOLD_SHELF, bookId: { $in: [...bookIds] } },
      { orderBy: { barcode: 'asc' } },
    );
  }

  byBookIds(bookIds: readonly string[]): Promise<Copy[]> {
    return this.em.find(CopySchema, { bookId: { $in: [...bookIds] } }, { orderBy: { barcode: 'asc' } });
  }

  byBorrow(borrowId: string): Promise<Copy[]> {
    return this.em.find(CopySchema, { $or: [{ reservedFor: borrowId }, { loanBorrowId: borrowId }] });
  }

  async reservableFor(bookId: string, memberId: string, limit: number): Promise<CopyCandidate[]> {
    // Rows, not entities: a borrow keeps one of these copies, and hydrating all of them (their
    // outbox and inbox parsed, each registered in the unit of work) cost more than the one read
    // by id the borrow then makes.
    const rows = await this.em.getDriver().find<Copy>(
      CopySchema.meta.className,
      {
        bookId,
        reservedFor: null,
        $or: [
          { status: CopyStatus.AVAILABLE, heldForHoldId: null },
          { status: CopyStatus.ON_HOLD_SHELF, heldForMemberId: memberId },
        ],
      },
      { limit, orderBy: { barcode: 'asc' }, fields: ['id', 'status'] as never },
    );
    return rows.map((row) => ({ id: row.id!, status: row.status! }));
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
    if (isMongo(this.em)) {
      // The same grouping on the server, over the (bookId, status) index.
      const rows = (await this.em.aggregate(CopySchema, [
        { $match: { bookId: { $in: [...bookIds] } } },
        { $group: { _id: { bookId: '$bookId', status: '$status' }, count: { $sum: 1 } } },
      ])) as { _id: { bookId: string; status: CopyStatus }; count: number }[];
      return rows.map(({ _id, count }) => ({ bookId: _id.bookId, status: _id.status, count }));
    }
    throw new Error('Copy counts need an SQL or a MongoDB driver');
  }
}

function isSql(em: EntityManager): em is SqlEntityManager {
  return 'createQueryBuilder' in em && typeof em.createQueryBuilder === 'function';
}

/** A repository on a fresh fork at every call: one unit of work per attempt. */
export function freshCopies(orm: MikroORM): FreshCopies {
  return () => new MikroOrmCopyRepository(orm.em.fork());
}
