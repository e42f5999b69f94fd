import { buildFederatedSchema, type SubgraphDefinition } from '@shelfmark/subgraph-kit';
import { BorrowCounter } from './application/count-borrow/BorrowCounter';
import { BookRanker } from './application/rank-books/BookRanker';
import { BookRecorder } from './application/record-book/BookRecorder';
import { CountBorrowOnLoanBorrowed } from './adapters/events/CountBorrowOnLoanBorrowed';
import { RecordBookOnBookAdded } from './adapters/events/RecordBookOnBookAdded';
import { BookResolver } from './adapters/graphql/book.resolver';
import { BookReference } from './adapters/graphql/book.type';
import { borrowCountLoader, type AnalyticsContext } from './adapters/graphql/context';
import { RankingResolver } from './adapters/graphql/ranking.resolver';
import { BookStatsSchema } from './adapters/persistence/book-stats.schema';
import { BorrowRecordSchema } from './adapters/persistence/borrow-record.schema';
import { MikroOrmBookStatsRepository } from './adapters/persistence/MikroOrmBookStatsRepository';
import { MikroOrmBorrowRecordRepository } from './adapters/persistence/MikroOrmBorrowRecordRepository';
import { freshStores } from './adapters/persistence/stores';

export interface AnalyticsOptions {
  /** What "now" is for the ranking windows; tests pin it. Defaults to the runtime's clock. */
  readonly clock?: () => Date;
}

/** The analytics context: read models of what the library lends most. */
export function analyticsSubgraph(options: AnalyticsOptions = {}): SubgraphDefinition<AnalyticsContext> {
  return {
    name: 'analytics',
    entities: [BookStatsSchema, BorrowRecordSchema],
    // Read models only: nothing here records events, so the outbox relay has nothing to watch.
    aggregates: [],
    // Answers that depend on its own data alone: the router may keep them until it writes (ADR 22).
    // Not `ranking`: its windows move with the clock, not only with analytics' data.
    cacheableAnswers: { rootFields: [], entityTypes: ['Book'] },
    schema: () =>
      buildFederatedSchema({
        resolvers: [RankingResolver, BookResolver],
        orphanedTypes: [BookReference],
      }),
    context(base, runtime) {
      const stats = new MikroOrmBookStatsRepository(base.em);
      const clock = options.clock ?? runtime.clock;
      return {
        ...base,
        rankBooks: new BookRanker(stats, new MikroOrmBorrowRecordRepository(base.em), clock),
        borrowCountOf: borrowCountLoader((ids) => stats.byIds(ids)),
      };
    },
    consumers: (runtime) => {
      const fresh = freshStores(runtime.orm);
      return [
        new RecordBookOnBookAdded(new BookRecorder(fresh)),
        new CountBorrowOnLoanBorrowed(new BorrowCounter(fresh)),
      ];
    },
  };
}
