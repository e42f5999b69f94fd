import { buildFederatedSchema, byId, type SubgraphDefinition } from '@shelfmark/subgraph-kit';
import { CommentPoster } from './application/post-comment/CommentPoster';
import { BookRegistrar } from './application/register-book/BookRegistrar';
import { MemberRegistrar } from './application/register-member/MemberRegistrar';
import { RegisterBookOnBookAdded } from './adapters/events/RegisterBookOnBookAdded';
import { RegisterMemberOnMemberRegistered } from './adapters/events/RegisterMemberOnMemberRegistered';
import { BookResolver } from './adapters/graphql/book.resolver';
import { BookReference } from './adapters/graphql/book.type';
import { CommentResolver } from './adapters/graphql/comment.resolver';
import { CommentType } from './adapters/graphql/comment.type';
import { commentPageLoader, ratingLoader, type CommentsContext } from './adapters/graphql/context';
import { MemberReference } from './adapters/graphql/member.type';
import { CommentSchema } from './adapters/persistence/comment.schema';
import { KnownBookSchema } from './adapters/persistence/known-book.schema';
import { KnownMemberSchema } from './adapters/persistence/known-member.schema';
import { MikroOrmCommentRepository } from './adapters/persistence/MikroOrmCommentRepository';
import { MikroOrmKnownBookRepository } from './adapters/persistence/MikroOrmKnownBookRepository';
import { MikroOrmKnownMemberRepository } from './adapters/persistence/MikroOrmKnownMemberRepository';

export interface CommentsOptions {
  /** What "now" is when a comment is posted; tests pin it to make the order of comments certain. */
  readonly clock?: () => Date;
}

/** The comments context: what readers say about books, and how they rate them. */
export function commentsSubgraph(options: CommentsOptions = {}): SubgraphDefinition<CommentsContext> {
  return {
    name: 'comments',
    entities: [CommentSchema, KnownBookSchema, KnownMemberSchema],
    aggregates: [CommentSchema],
    // Answers that depend on its own data alone: the router may keep them until it writes (ADR 22).
    cacheableAnswers: { rootFields: [], entityTypes: ['Book', 'Member', 'Comment'] },
    schema: () =>
      buildFederatedSchema({
        resolvers: [CommentResolver, BookResolver],
        // Reached through entity references only: no query returns them directly.
        orphanedTypes: [BookReference, MemberReference, CommentType],
        referenceResolvers: {
          Comment: {
            __resolveReference: (ref: { id: string }, ctx: CommentsContext) => ctx.commentById.load(ref.id),
          },
        },
      }),
    context(base) {
      const comments = new MikroOrmCommentRepository(base.em);
      return {
        ...base,
        postComment: new CommentPoster(
          comments,
          new MikroOrmKnownBookRepository(base.em),
          new MikroOrmKnownMemberRepository(base.em),
          options.clock,
        ),
        commentById: byId(
          (ids) => comments.byIds(ids),
          (comment) => comment.id,
        ),
        commentPages: commentPageLoader((query) => comments.page(query)),
        ratingOf: ratingLoader((bookIds) => comments.ratingTallies(bookIds)),
      };
    },
    consumers: ({ orm }) => [
      new RegisterBookOnBookAdded(new BookRegistrar(() => new MikroOrmKnownBookRepository(orm.em.fork()))),
      new RegisterMemberOnMemberRegistered(
        new MemberRegistrar(() => new MikroOrmKnownMemberRepository(orm.em.fork())),
      ),
    ],
  };
}
