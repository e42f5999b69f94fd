import { decodeCursor, encodeCursor, pageSize } from '@shelfmark/subgraph-kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Book } from '../../domain';
import { AddBookInput } from './book.input';
import { BookConnection, BookType } from './book.type';
import type { CatalogueContext } from './context';

type Cursor = [string, string];
const isCursor = (value: unknown): value is Cursor =>
  Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string');

@Resolver(() => BookType)
export class BookResolver {
  @Query(() => BookType, { nullable: true, description: 'A book by id; null when there is none.' })
  book(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogueContext): Promise<Book | null> {
    return ctx.bookById.load(id);
  }

  @Query(() => BookConnection, {
    description: 'Search the catalogue by title, author or ISBN, optionally within a subject.',
  })
  async books(
    @Ctx() ctx: CatalogueContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('subject', () => String, { nullable: true }) subject?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<BookConnection> {
    const page = await ctx.findBooks.find({
      search: search ?? null,
      subject: subject ?? null,
      first: pageSize(first),
      after: after ? decodeCursor(after, isCursor) : null,
    });
    const edges = page.books.map((book) => ({ cursor: encodeCursor([book.titleKey, book.id]), node: book }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @Authorized('LIBRARIAN')
  @Mutation(() => BookType, { description: 'Librarians: add a book to the catalogue.' })
  addBook(
    @Arg('input', () => AddBookInput) input: AddBookInput,
    @Ctx() ctx: CatalogueContext,
  ): Promise<Book> {
    return ctx.addBook.add(input);
  }
}
