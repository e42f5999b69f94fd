import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { containing, isUniqueViolation } from '@shelfmark/subgraph-kit';
import { DuplicateIsbn, type Book, type BookPage, type BookQuery, type BookRepository } from '../../domain';
import { BookSchema } from './book.schema';

export class MikroOrmBookRepository implements BookRepository {
  constructor(private readonly em: EntityManager) {}

  async add(book: Book): Promise<void> {
    try {
      await this.em.persist(book).flush();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DuplicateIsbn(book.isbn);
      throw error;
    }
  }

  byIds(ids: readonly string[]): Promise<Book[]> {
    return this.em.find(BookSchema, { id: { $in: [...ids] } });
  }

  byIsbn(isbn: string): Promise<Book | null> {
    return this.em.findOne(BookSchema, { isbn });
  }

  async search({ terms, subject, first, after }: BookQuery): Promise<BookPage> {
    const filters: FilterQuery<Book>[] = terms.map((term) => ({
      searchText: containing(this.em, term),
    }));
    if (subject) filters.push({ subjectsKey: containing(this.em, `|${subject}|`) });
    const matching: FilterQuery<Book> = filters.length ? { $and: filters } : {};
    const page: FilterQuery<Book> = after
      ? {
          $and: [
            matching,
            { $or: [{ titleKey: { $gt: after[0] } }, { titleKey: after[0], id: { $gt: after[1] } }] },
          ],
        }
      : matching;
    const [rows, totalCount] = await Promise.all([
      this.em.find(BookSchema, page, { orderBy: { titleKey: 'asc', id: 'asc' }, limit: first + 1 }),
      this.em.count(BookSchema, matching),
    ]);
    return { books: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }
}
