import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { containing, rowBy } from '@shelfmark/subgraph-kit';
import type { BookStats, BookStatsRepository } from '../../domain';
import { BookStatsSchema } from './book-stats.schema';

export class MikroOrmBookStatsRepository implements BookStatsRepository {
  constructor(private readonly em: EntityManager) {}

  byId(bookId: string): Promise<BookStats | null> {
    return rowBy(this.em, BookStatsSchema, { bookId });
  }

  byIds(bookIds: readonly string[]): Promise<BookStats[]> {
    return this.em.find(BookStatsSchema, { bookId: { $in: [...bookIds] } });
  }

  /** Throws UniqueConstraintViolationException when a concurrent writer added the book first. */
  async add(stats: BookStats): Promise<void> {
    await this.em.persist(stats).flush();
  }

  /** Throws OptimisticLockError when a concurrent writer changed the book since it was read. */
  async save(stats: BookStats): Promise<void> {
    await this.em.persist(stats).flush();
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
