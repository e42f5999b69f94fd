export { Book, normaliseSubject, type NewBook } from './Book';
export type { BookPage, BookQuery, BookRepository } from './BookRepository';
export { DuplicateIsbn } from './errors';
export { Isbn } from './Isbn';
