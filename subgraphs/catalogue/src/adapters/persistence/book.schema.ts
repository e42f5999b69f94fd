import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { Book } from '../../domain';

export const BookSchema = new EntitySchema<Book, AggregateRoot>({
  class: Book,
  extends: AggregateRootSchema,
  indexes: [{ properties: ['titleKey', 'id'] }],
  properties: {
    id: { type: 'string', primary: true },
    isbn: { type: 'string', unique: true },
    title: { type: 'string', length: 500 },
    subtitle: { type: 'string', length: 500, nullable: true },
    authors: { type: 'json' },
    subjects: { type: 'json' },
    language: { type: 'string', nullable: true },
    publishedYear: { type: 'integer', nullable: true },
    coverUrl: { type: 'text', nullable: true },
    description: { type: 'text', nullable: true },
    addedAt: { type: 'Date' },
    titleKey: { type: 'string', length: 500 },
    searchText: { type: 'text' },
    subjectsKey: { type: 'text' },
  },
});
