import { decodeCursor, encodeCursor, pageSize, type PageInfo } from '@shelfmark/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Comment, Rating } from '../../domain';
import { BookReference } from './book.type';
import { CommentConnection, RatingType } from './comment.type';
import type { CommentsContext } from './context';

/** A cursor is the creation time (ISO-8601) and id of a comment: the sort key of the list. */
type Cursor = [string, string];
const isCursor = (value: unknown): value is Cursor =>
  Array.isArray(value) &&
  value.length === 2 &&
  value.every((part) => typeof part === 'string') &&
  !Number.isNaN(Date.parse(value[0] as string));

/** What `comments` resolves to: edges hold domain comments, which CommentType's resolvers read. */
export interface CommentPageResult {
  readonly edges: readonly { readonly cursor: string; readonly node: Comment }[];
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

@Resolver(() => BookReference)
export class BookResolver {
  @FieldResolver(() => CommentConnection, {
    nullable: true,
    description: "Readers' comments on this book, newest first.",
  })
  async comments(
    @Root() book: BookReference,
    @Ctx() ctx: CommentsContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' })
    after?: string | null,
  ): Promise<CommentPageResult> {
    const cursor = after ? decodeCursor(after, isCursor) : null;
    const page = await ctx.commentPages.load({
      bookId: book.id,
      first: pageSize(first, 20),
      after: cursor ? [new Date(cursor[0]), cursor[1]] : null,
    });
    const edges = page.comments.map((comment) => ({
      cursor: encodeCursor([comment.createdAt.toISOString(), comment.id] satisfies Cursor),
      node: comment,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @FieldResolver(() => RatingType, {
    nullable: true,
    description: 'The average of the ratings readers gave in their comments.',
  })
  rating(@Root() book: BookReference, @Ctx() ctx: CommentsContext): Promise<Rating> {
    return ctx.ratingOf.load(book.id);
  }
}
