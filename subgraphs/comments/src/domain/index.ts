export { Comment, MAX_BODY_LENGTH, type NewComment } from './Comment';
export type { CommentPage, CommentPageQuery, CommentRepository, RatingTally } from './CommentRepository';
export { UnknownBook } from './errors';
export { KnownBook } from './KnownBook';
export type { KnownBookRepository } from './KnownBookRepository';
export { KnownMember } from './KnownMember';
export type { KnownMemberRepository } from './KnownMemberRepository';
export { NO_RATING, ratingOf, type Rating } from './Rating';
