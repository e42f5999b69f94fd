import type { EntityManager } from '@mikro-orm/core';
import { BorrowStatus, type BorrowRequest, type BorrowRequestRepository } from '../../domain';
import { BorrowRequestSchema } from './borrow-request.schema';

export class MikroOrmBorrowRequestRepository implements BorrowRequestRepository {
  constructor(private readonly em: EntityManager) {}

  byId(id: string): Promise<BorrowRequest | null> {
    return this.em.findOne(BorrowRequestSchema, { id });
  }

  async save(request: BorrowRequest): Promise<void> {
    await this.em.persist(request).flush();
  }

  unfinishedBefore(before: Date, limit: number): Promise<BorrowRequest[]> {
    return this.em.find(
      BorrowRequestSchema,
      { status: { $in: [BorrowStatus.STARTED, BorrowStatus.RESERVED] }, startedAt: { $lt: before } },
      { orderBy: { startedAt: 'asc' }, limit },
    );
  }
}
