import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { HoldStatus, type Hold, type HoldRepository } from '../../domain';
import { HoldSchema } from './hold.schema';

export class MikroOrmHoldRepository implements HoldRepository {
  constructor(private readonly em: EntityManager) {}

  byIds(ids: readonly string[]): Promise<Hold[]> {
    return this.em.find(HoldSchema, { id: { $in: [...ids] } });
  }

  ofMembers(memberIds: readonly string[], status: HoldStatus | null): Promise<Hold[]> {
    const where: FilterQuery<Hold> = { memberId: { $in: [...memberIds] }, ...(status ? { status } : {}) };
    return this.em.find(HoldSchema, where, { orderBy: { placedAt: 'desc', id: 'asc' } });
  }

  waitingFor(bookIds: readonly string[]): Promise<Hold[]> {
    return this.em.find(
      HoldSchema,
      { bookId: { $in: [...bookIds] }, status: HoldStatus.WAITING },
      { orderBy: { placedAt: 'asc', id: 'asc' } },
    );
  }
}
