import { byId, oncePerKey, type Loader, type SubgraphContext } from '@shelfmark/subgraph-kit';
import type { CommentPoster } from '../../application/post-comment/CommentPoster';
import {
  NO_RATING,
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
  readonly commentById: Loader<string, Comment | null>;
  /** `Book.comments` pages; the same page asked for twice in a request is read once. */
  readonly commentPages: Loader<CommentPageQuery, CommentPage, string>;
  /** `Book.rating`: one query for every book of the request. */
  readonly ratingOf: Loader<string, Rating>;
}

/**
 * A page is a bounded query of its own (a portable "first N of each book" query does not exist
 * across drivers); what the loader saves is reading the same page twice in one request.
 */
export function commentPageLoader(
  load: (query: CommentPageQuery) => Promise<CommentPage>,
): Loader<CommentPageQuery, CommentPage, string> {
  return oncePerKey(load, ({ bookId, first, after }) =>
    JSON.stringify([bookId, first, after?.[0].toISOString(), after?.[1]]),
  );
}

/** A book nobody rated has no rating yet. */
export function ratingLoader(
  tallies: (bookIds: readonly string[]) => Promise<Map<string, RatingTally>>,
): Loader<string, Rating> {
  return byId(
    async (bookIds) => [...(await tallies(bookIds))],
    ([bookId]) => bookId,
    (entry) => (entry ? ratingOf(entry[1].stars, entry[1].count) : NO_RATING),
  );
}
