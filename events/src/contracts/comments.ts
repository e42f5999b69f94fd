import { z } from 'zod';

/** A reader commented on a book, optionally rating it. */
export const commentPostedV1 = z.object({
  commentId: z.string().min(1),
  bookId: z.string().min(1),
  authorId: z.string().min(1),
  rating: z.number().int().min(1).max(5).nullable(),
});

export const commentsEvents = {
  'shelfmark.comments.comment-posted.v1': commentPostedV1,
} as const;
