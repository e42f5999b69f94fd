export { catalogueSubgraph } from './catalogueSubgraph';
export { Book, Isbn } from './domain';
