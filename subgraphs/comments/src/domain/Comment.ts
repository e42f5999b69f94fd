import { InvalidInput } from '@shelfmark/errors';
import { AggregateRoot } from '@shelfmark/events';

export const MAX_BODY_LENGTH = 5_000;

export interface NewComment {
  readonly bookId: string;
  readonly authorId: string;
  readonly body: string;
  readonly rating?: number | null;
}

/** What a reader wrote about a book, with an optional rating of 1 to 5 stars. */
export class Comment extends AggregateRoot {
  id!: string;
  bookId!: string;
  authorId!: string;
  body!: string;
  rating!: number | null;
  createdAt!: Date;

  /** Validates the comment and records comment-posted in its own outbox. */
  static post(id: string, input: NewComment, now: Date): Comment {
    const comment = new Comment();
    comment.id = id;
    comment.bookId = input.bookId;
    comment.authorId = input.authorId;
    comment.body = body(input.body);
    comment.rating = rating(input.rating);
    comment.createdAt = now;
    comment.record(
      'shelfmark.comments.comment-posted.v1',
      comment.id,
      { commentId: comment.id, bookId: comment.bookId, authorId: comment.authorId, rating: comment.rating },
      now,
    );
    return comment;
  }
}

function body(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new InvalidInput('body', 'A comment needs some text.');
  // Counted in characters as a reader sees them, so an emoji is one, not two UTF-16 units.
  if ([...trimmed].length > MAX_BODY_LENGTH) {
    throw new InvalidInput('body', `A comment is at most ${MAX_BODY_LENGTH} characters long.`);
  }
  return trimmed;
}

function rating(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new InvalidInput('rating', `A rating is a whole number of stars from 1 to 5; got ${value}.`);
  }
  return value;
}
