import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { HoldStatus, type Hold, type HoldRepository } from '../../domain';
import { HoldSchema } from './hold.schema';

export class MikroOrmHoldRepository implements HoldRepository {
  constructor(private readonly em: EntityManager) {}

  byId(id: string): Promise<Hold | null> {
    return this.em.findOne(HoldSchema, { id });
  }

  byIds(ids: readonly string[]): Promise<Hold[]> {
    return this.em.find(HoldSchema, { id: { $in: [...ids] } });
  }

  ofMembers(memberIds: readonly string[], status: HoldStatus | null): Promise<Hold[]> {
    const where: FilterQuery<Hold> = {
      memberId: { $in: [...memberIds] },
      confirmed: true,
      ...(status ? { status } : {}),
    };
    return this.em.find(HoldSchema, where, { orderBy: { placedAt: 'desc', id: 'asc' } });
  }

  waitingFor(bookIds: readonly string[]): Promise<Hold[]> {
    return this.em.find(
      HoldSchema,
      { bookId: { $in: [...bookIds] }, status: HoldStatus.WAITING, confirmed: true },
      { orderBy: { placedAt: 'asc', id: 'asc' } },
    );
  }

  activeOf(memberId: string, bookId: string): Promise<Hold | null> {
    return this.em.findOne(HoldSchema, {
      memberId,
      bookId,
      confirmed: true,
      status: { $in: [HoldStatus.WAITING, HoldStatus.READY] },
    });
  }

  async add(hold: Hold): Promise<void> {
    await this.em.persist(hold).flush();
  }

  async save(hold: Hold): Promise<void> {
    await this.em.persist(hold).flush();
  }

  readyExpiredBy(now: Date, limit: number): Promise<Hold[]> {
    return this.em.find(
      HoldSchema,
      { status: HoldStatus.READY, readyUntil: { $lte: now } },
      { orderBy: { readyUntil: 'asc', id: 'asc' }, limit },
    );
  }

  unconfirmedBefore(before: Date, limit: number): Promise<Hold[]> {
    return this.em.find(
      HoldSchema,
      { confirmed: false, status: HoldStatus.WAITING, placedAt: { $lt: before } },
      { orderBy: { placedAt: 'asc' }, limit },
    );
  }
}
