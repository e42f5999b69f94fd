import { createEvent, type EventData, type ShelfmarkEvent } from '@shelfmark/events';

type BookAdded = 'shelfmark.catalogue.book-added.v1';

/**
 * A valid `book-added` as catalogue publishes it: how a subgraph's test tells it a book exists
 * (inventory, loans, comments and analytics all learn of books from it). Override what the test
 * is about.
 */
export function aBookAddedEvent(
  bookId: string,
  change: Partial<EventData<BookAdded>> = {},
): ShelfmarkEvent<BookAdded> {
  return createEvent('shelfmark.catalogue.book-added.v1', bookId, {
    bookId,
    isbn: '9780441172719',
    title: 'Dune',
    subtitle: null,
    authors: ['Frank Herbert'],
    subjects: ['science fiction'],
    language: 'en',
    publishedYear: 1965,
    ...change,
  });
}
