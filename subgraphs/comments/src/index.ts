export { commentsSubgraph, type CommentsOptions } from './commentsSubgraph';
export { Comment, KnownBook } from './domain';
