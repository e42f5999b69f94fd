import { isMongo } from '@shelfmark/subgraph-kit';
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { Comment, CommentPage, CommentPageQuery, CommentRepository, RatingTally } from '../../domain';
import { CommentSchema } from './comment.schema';

export class MikroOrmCommentRepository implements CommentRepository {
  constructor(private readonly em: EntityManager) {}

  async add(comment: Comment): Promise<void> {
    await this.em.persist(comment).flush();
  }

  byIds(ids: readonly string[]): Promise<Comment[]> {
    return this.em.find(CommentSchema, { id: { $in: [...ids] } });
  }

  async page({ bookId, first, after }: CommentPageQuery): Promise<CommentPage> {
    const ofBook: FilterQuery<Comment> = { bookId };
    const page: FilterQuery<Comment> = after
      ? {
          $and: [
            ofBook,
            { $or: [{ createdAt: { $lt: after[0] } }, { createdAt: after[0], id: { $lt: after[1] } }] },
          ],
        }
      : ofBook;
    const [rows, totalCount] = await Promise.all([
      this.em.find(CommentSchema, page, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 }),
      this.em.count(CommentSchema, ofBook),
    ]);
    return { comments: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }

  async ratingTallies(bookIds: readonly string[]): Promise<Map<string, RatingTally>> {
    const rated = { bookId: { $in: [...bookIds] }, rating: { $ne: null } };
    const tallies = new Map<string, RatingTally>();
    if (isSql(this.em)) {
      const rows = await this.em
        .createQueryBuilder(CommentSchema, 'c')
        .select(['c.bookId', raw('sum(c.rating) as stars'), raw('count(c.rating) as count')])
        .where(rated)
        .groupBy('c.bookId')
        .execute<{ bookId: string; stars: number | string; count: number | string }[]>('all');
      for (const row of rows) tallies.set(row.bookId, { stars: Number(row.stars), count: Number(row.count) });
      return tallies;
    }
    if (isMongo(this.em)) {
      // The same grouping on the server, over the (bookId, rating) index.
      const rows = (await this.em.aggregate(CommentSchema, [
        { $match: rated },
        { $group: { _id: '$bookId', stars: { $sum: '$rating' }, count: { $sum: 1 } } },
      ])) as { _id: string; stars: number; count: number }[];
      for (const row of rows) tallies.set(row._id, { stars: row.stars, count: row.count });
      return tallies;
    }
    throw new Error('Rating tallies need an SQL or a MongoDB driver');
  }
}

function isSql(em: EntityManager): em is SqlEntityManager {
  return 'createQueryBuilder' in em && typeof em.createQueryBuilder === 'function';
}
