import type { MikroORM } from '@mikro-orm/core';
import type { CirculationStores } from '../../application/CirculationStores';
import { MikroOrmBorrowerRepository } from './MikroOrmBorrowerRepository';
import { MikroOrmBorrowRequestRepository } from './MikroOrmBorrowRequestRepository';
import { MikroOrmHoldRepository } from './MikroOrmHoldRepository';
import { MikroOrmKnownBookRepository } from './MikroOrmKnownBookRepository';
import { MikroOrmLoanRepository } from './MikroOrmLoanRepository';

/** A fresh unit of work over every loans repository: one per attempt of a use case. */
export function mikroOrmStores(orm: MikroORM): () => CirculationStores {
  return () => {
    const em = orm.em.fork();
    return {
      loans: new MikroOrmLoanRepository(em),
      holds: new MikroOrmHoldRepository(em),
      borrowers: new MikroOrmBorrowerRepository(em),
      borrows: new MikroOrmBorrowRequestRepository(em),
      books: new MikroOrmKnownBookRepository(em),
    };
  };
}
