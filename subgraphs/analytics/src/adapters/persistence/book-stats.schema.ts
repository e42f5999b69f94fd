import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { BookStats } from '../../domain';

export const BookStatsSchema = new EntitySchema<BookStats, AggregateRoot>({
  class: BookStats,
  extends: AggregateRootSchema,
  tableName: 'book_stats',
  // The all-time ranking: most borrowed first, ties by book id.
  indexes: [{ properties: ['borrowCount', 'bookId'] }],
  properties: {
    bookId: { type: 'string', primary: true },
    title: { type: 'string', length: 500, nullable: true },
    subjects: { type: 'json' },
    subjectsKey: { type: 'text' },
    borrowCount: { type: 'integer', default: 0 },
    lastBorrowedAt: { type: 'Date', nullable: true },
  },
});
