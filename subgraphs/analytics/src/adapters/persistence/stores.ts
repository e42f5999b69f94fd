import type { MikroORM } from '@mikro-orm/core';
import type { AnalyticsStores } from '../../application/AnalyticsStores';
import { MikroOrmBookStatsRepository } from './MikroOrmBookStatsRepository';
import { MikroOrmBorrowRecordRepository } from './MikroOrmBorrowRecordRepository';

/** Opens analytics' repositories over a new unit of work on each call (one per attempt of a write). */
export function freshStores(orm: MikroORM): () => AnalyticsStores {
  return () => {
    const em = orm.em.fork();
    return { stats: new MikroOrmBookStatsRepository(em), records: new MikroOrmBorrowRecordRepository(em) };
  };
}
