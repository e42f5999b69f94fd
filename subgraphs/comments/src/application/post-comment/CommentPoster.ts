import { MemberUnknown } from '@shelfmark/errors';
import { randomUUID } from 'node:crypto';
import {
  Comment,
  UnknownBook,
  type CommentRepository,
  type KnownBookRepository,
  type KnownMemberRepository,
  type NewComment,
} from '../../domain';

/**
 * A signed-in reader comments on a book the catalogue has (checked at the edge of the graph). The
 * author must be a member comments heard of: a valid token for an account members does not have
 * posts nothing (docs/adr/0010-who-may-act.md).
 */
export class CommentPoster {
  constructor(
    private readonly comments: CommentRepository,
    private readonly books: KnownBookRepository,
    private readonly members: KnownMemberRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async post(input: NewComment): Promise<Comment> {
    const comment = Comment.post(randomUUID(), input, this.clock());
    if (!(await this.members.exists(comment.authorId))) throw new MemberUnknown();
    if (!(await this.books.exists(comment.bookId))) throw new UnknownBook(comment.bookId);
    // The comment and its comment-posted event are one row: they commit together or not at all.
    await this.comments.add(comment);
    return comment;
  }
}
