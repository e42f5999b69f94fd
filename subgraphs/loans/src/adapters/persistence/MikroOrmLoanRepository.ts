import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { LoanStatus, type HistoryCursor, type Loan, type LoanPage, type LoanRepository } from '../../domain';
import { LoanSchema } from './loan.schema';

const OUT = [LoanStatus.ACTIVE, LoanStatus.OVERDUE];

export class MikroOrmLoanRepository implements LoanRepository {
  constructor(private readonly em: EntityManager) {}

  byId(id: string): Promise<Loan | null> {
    return this.em.findOne(LoanSchema, { id });
  }

  byIds(ids: readonly string[]): Promise<Loan[]> {
    return this.em.find(LoanSchema, { id: { $in: [...ids] } });
  }

  ofMembers(memberIds: readonly string[], status: LoanStatus | null): Promise<Loan[]> {
    const where: FilterQuery<Loan> = { memberId: { $in: [...memberIds] }, ...(status ? { status } : {}) };
    return this.em.find(LoanSchema, where, { orderBy: { borrowedAt: 'desc', id: 'asc' } });
  }

  async addMissing(loans: readonly Loan[]): Promise<Loan[]> {
    const stored = new Map((await this.byIds(loans.map((loan) => loan.id))).map((loan) => [loan.id, loan]));
    const missing = loans.filter((loan) => !stored.has(loan.id));
    // One insert per loan document; a loan and its loan-borrowed event are one write.
    if (missing.length > 0) await this.em.persist(missing).flush();
    return loans.map((loan) => stored.get(loan.id) ?? loan);
  }

  async add(loans: readonly Loan[]): Promise<void> {
    await this.em.persist([...loans]).flush();
  }

  async save(loan: Loan): Promise<void> {
    await this.em.persist(loan).flush();
  }

  async hasOverdue(memberId: string, now: Date): Promise<boolean> {
    const overdue = await this.em.count(LoanSchema, {
      memberId,
      $or: [{ status: LoanStatus.OVERDUE }, { status: LoanStatus.ACTIVE, dueAt: { $lt: now } }],
    });
    return overdue > 0;
  }

  async withOverdue(memberIds: readonly string[], now: Date): Promise<string[]> {
    // Whole loans (few: only overdue ones), not partial ones that would sit in this unit of work's identity map.
    const overdue = await this.em.find(LoanSchema, {
      memberId: { $in: [...memberIds] },
      $or: [{ status: LoanStatus.OVERDUE }, { status: LoanStatus.ACTIVE, dueAt: { $lt: now } }],
    });
    return [...new Set(overdue.map((loan) => loan.memberId))];
  }

  outByBarcode(barcode: string): Promise<Loan | null> {
    return this.em.findOne(LoanSchema, { barcode, status: { $in: OUT } });
  }

  async hasOut(memberId: string, bookId: string): Promise<boolean> {
    return (await this.em.count(LoanSchema, { memberId, bookId, status: { $in: OUT } })) > 0;
  }

  activeDueBy(by: Date, limit: number): Promise<Loan[]> {
    return this.em.find(
      LoanSchema,
      { status: LoanStatus.ACTIVE, dueAt: { $lte: by } },
      { orderBy: { dueAt: 'asc', id: 'asc' }, limit },
    );
  }

  async history(memberId: string, first: number, after: HistoryCursor | null): Promise<LoanPage> {
    const where: FilterQuery<Loan> = after
      ? {
          memberId,
          $or: [
            { borrowedAt: { $lt: new Date(after.borrowedAt) } },
            { borrowedAt: new Date(after.borrowedAt), id: { $gt: after.id } },
          ],
        }
      : { memberId };
    const loans = await this.em.find(LoanSchema, where, {
      orderBy: { borrowedAt: 'desc', id: 'asc' },
      limit: first + 1,
    });
    return { loans: loans.slice(0, first), hasNextPage: loans.length > first };
  }

  count(memberId: string): Promise<number> {
    return this.em.count(LoanSchema, { memberId });
  }
}
