import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { containing, isUniqueViolation } from '@shelfmark/subgraph-kit';
import type { BookStats, BookStatsRepository } from '../../domain';
import { BookStatsSchema } from './book-stats.schema';

export class MikroOrmBookStatsRepository implements BookStatsRepository {
  constructor(private readonly em: EntityManager) {}

  async addIfAbsent(stats: BookStats): Promise<boolean> {
    if ((await this.em.count(BookStatsSchema, { bookId: stats.bookId })) > 0) return false;
    try {
      await this.em.persist(stats).flush();
      return true;
    } catch (error) {
      // A concurrent delivery of the same event recorded it first: same outcome.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  byIds(bookIds: readonly string[]): Promise<BookStats[]> {
    return this.em.find(BookStatsSchema, { bookId: { $in: [...bookIds] } });
  }

  mostBorrowed(subject: string | null, limit: number): Promise<BookStats[]> {
    const where: FilterQuery<BookStats> = {
      borrowCount: { $gt: 0 },
      ...(subject ? hasSubject(this.em, subject) : {}),
    };
    return this.em.find(BookStatsSchema, where, { orderBy: { borrowCount: 'desc', bookId: 'asc' }, limit });
  }

  async withSubject(bookIds: readonly string[], subject: string): Promise<Set<string>> {
    const rows = await this.em.find(
      BookStatsSchema,
      { bookId: { $in: [...bookIds] }, ...hasSubject(this.em, subject) },
      { fields: ['bookId'], disableIdentityMap: true },
    );
    return new Set(rows.map((row) => row.bookId));
  }
}

function hasSubject(em: EntityManager, subject: string): FilterQuery<BookStats> {
  return { subjectsKey: containing(em, `|${subject.replace(/\|/g, '')}|`) };
}
