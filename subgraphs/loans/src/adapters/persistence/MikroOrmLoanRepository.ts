import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Loan, LoanRepository, LoanStatus } from '../../domain';
import { LoanSchema } from './loan.schema';

export class MikroOrmLoanRepository implements LoanRepository {
  constructor(private readonly em: EntityManager) {}

  byIds(ids: readonly string[]): Promise<Loan[]> {
    return this.em.find(LoanSchema, { id: { $in: [...ids] } });
  }

  ofMembers(memberIds: readonly string[], status: LoanStatus | null): Promise<Loan[]> {
    const where: FilterQuery<Loan> = { memberId: { $in: [...memberIds] }, ...(status ? { status } : {}) };
    return this.em.find(LoanSchema, where, { orderBy: { borrowedAt: 'desc', id: 'asc' } });
  }
}
