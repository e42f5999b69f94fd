import { createEvent, type EventData, type ShelfmarkEvent } from '@shelfmark/events';

type BookAdded = 'shelfmark.catalogue.book-added.v1';
type MemberRegistered = 'shelfmark.members.member-registered.v1';

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

/**
 * A valid `member-registered` as members publishes it: how a subgraph's test tells it a member
 * exists (loans and comments act only for members they heard of). Override what the test is about.
 */
export function aMemberRegisteredEvent(
  memberId: string,
  change: Partial<EventData<MemberRegistered>> = {},
): ShelfmarkEvent<MemberRegistered> {
  return createEvent('shelfmark.members.member-registered.v1', memberId, {
    memberId,
    email: `${memberId.replace(/[^a-z0-9]/gi, '') || 'member'}@library.test`,
    name: `Member ${memberId}`,
    role: 'MEMBER',
    points: 30,
    ...change,
  });
}
