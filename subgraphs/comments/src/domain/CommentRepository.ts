import type { Comment } from './Comment';

export interface CommentPageQuery {
  readonly bookId: string;
  readonly first: number;
  /** Position after which the page starts: the creation time and id of the last comment seen. */
  readonly after: readonly [createdAt: Date, id: string] | null;
}

export interface CommentPage {
  readonly comments: readonly Comment[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** Stars and count of the ratings given to one book. */
export interface RatingTally {
  readonly stars: number;
  readonly count: number;
}

/** Comments, newest first. */
export interface CommentRepository {
  add(comment: Comment): Promise<void>;
  byIds(ids: readonly string[]): Promise<Comment[]>;
  /** One page of a book's comments, newest first (ties broken by id, descending). */
  page(query: CommentPageQuery): Promise<CommentPage>;
  /** The rating tally of each of these books; books nobody rated are absent. */
  ratingTallies(bookIds: readonly string[]): Promise<Map<string, RatingTally>>;
}
