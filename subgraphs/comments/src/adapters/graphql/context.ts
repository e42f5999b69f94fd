import type { SubgraphContext } from '@shelfmark/subgraph-kit';
import DataLoader from 'dataloader';
import type { CommentPoster } from '../../application/post-comment/CommentPoster';
import {
  ratingOf,
  type Comment,
  type CommentPage,
  type CommentPageQuery,
  type Rating,
  type RatingTally,
} from '../../domain';

export interface CommentsContext extends SubgraphContext {
  readonly postComment: CommentPoster;
  /** Entity references to comments: one query per request. */
  readonly commentById: DataLoader<string, Comment | null>;
  /** `Book.comments` pages; the same page asked for twice in a request is read once. */
  readonly commentPages: DataLoader<CommentPageQuery, CommentPage, string>;
  /** `Book.rating`: one query for every book of the request. */
  readonly ratingOf: DataLoader<string, Rating>;
}

export function commentLoader(
  load: (ids: readonly string[]) => Promise<Comment[]>,
): DataLoader<string, Comment | null> {
  return new DataLoader(async (ids) => {
    const byId = new Map((await load(ids)).map((comment) => [comment.id, comment]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * A page is a bounded query of its own (a portable "first N of each book" query does not exist
 * across drivers); what the loader saves is reading the same page twice in one request.
 */
export function commentPageLoader(
  load: (query: CommentPageQuery) => Promise<CommentPage>,
): DataLoader<CommentPageQuery, CommentPage, string> {
  return new DataLoader((queries) => Promise.all(queries.map(load)), {
    cacheKeyFn: ({ bookId, first, after }) =>
      JSON.stringify([bookId, first, after?.[0].toISOString(), after?.[1]]),
  });
}

export function ratingLoader(
  tallies: (bookIds: readonly string[]) => Promise<Map<string, RatingTally>>,
): DataLoader<string, Rating> {
  return new DataLoader(async (bookIds) => {
    const byBook = await tallies(bookIds);
    return bookIds.map((id) => {
      const tally = byBook.get(id);
      return tally ? ratingOf(tally.stars, tally.count) : ratingOf(0, 0);
    });
  });
}
