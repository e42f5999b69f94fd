import type { EntityManager } from '@mikro-orm/core';
import type { Borrower, BorrowerRepository } from '../../domain';
import { BorrowerSchema } from './borrower.schema';
import { rowBy } from '@shelfmark/subgraph-kit';

export class MikroOrmBorrowerRepository implements BorrowerRepository {
  constructor(private readonly em: EntityManager) {}

  byId(memberId: string): Promise<Borrower | null> {
    return rowBy(this.em, BorrowerSchema, { memberId });
  }

  byIds(memberIds: readonly string[]): Promise<Borrower[]> {
    return this.em.find(BorrowerSchema, { memberId: { $in: [...memberIds] } });
  }

  byCardNumber(cardNumber: string): Promise<Borrower | null> {
    return this.em.findOne(BorrowerSchema, { cardNumber });
  }

  async save(borrower: Borrower): Promise<void> {
    await this.em.persist(borrower).flush();
  }
}
