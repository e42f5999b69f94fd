import { NotSignedIn } from '@shelfmark/errors';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Comment } from '../../domain';
import { BookReference } from './book.type';
import { CommentType } from './comment.type';
import type { CommentsContext } from './context';
import { MemberReference } from './member.type';

@Resolver(() => CommentType)
export class CommentResolver {
  @Authorized()
  @Mutation(() => CommentType, {
    description: 'Signed-in members: comment on a book, optionally rating it 1 to 5.',
  })
  postComment(
    @Arg('bookId', () => ID) bookId: string,
    @Arg('body', () => String) body: string,
    @Ctx() ctx: CommentsContext,
    @Arg('rating', () => Int, { nullable: true }) rating?: number | null,
  ): Promise<Comment> {
    // @Authorized() has already refused anonymous callers; this only tells the compiler so.
    if (!ctx.identity) throw new NotSignedIn();
    return ctx.postComment.post({ bookId, authorId: ctx.identity.memberId, body, rating: rating ?? null });
  }

  @FieldResolver(() => BookReference, { nullable: true })
  book(@Root() comment: Comment): BookReference {
    return { id: comment.bookId };
  }

  @FieldResolver(() => MemberReference, { nullable: true })
  author(@Root() comment: Comment): MemberReference {
    return { id: comment.authorId };
  }
}
