import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { Comment } from '../../domain';

export const CommentSchema = new EntitySchema<Comment, AggregateRoot>({
  class: Comment,
  extends: AggregateRootSchema,
  // A book's comments, newest first; and the ratings of a set of books.
  indexes: [{ properties: ['bookId', 'createdAt', 'id'] }, { properties: ['bookId', 'rating'] }],
  properties: {
    id: { type: 'string', primary: true },
    bookId: { type: 'string' },
    authorId: { type: 'string', index: true },
    body: { type: 'text' },
    rating: { type: 'integer', nullable: true },
    createdAt: { type: 'Date' },
  },
});
