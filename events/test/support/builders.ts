import { randomUUID } from 'node:crypto';
import { createEvent, type CloudEvent, type EventData, type ShelfmarkEvent } from '../../src';

type BookAdded = 'shelfmark.catalogue.book-added.v1';
type CopyAdded = 'shelfmark.inventory.copy-added.v1';
type MemberRegistered = 'shelfmark.members.member-registered.v1';
type MemberCardIssued = 'shelfmark.members.member-card-issued.v1';
type CommentPosted = 'shelfmark.comments.comment-posted.v1';

/** A unique id, so tests that share a broker (Kafka) only ever look at their own events. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export function aBookAdded(
  bookId = uniqueId('book'),
  data: Partial<EventData<BookAdded>> = {},
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
    ...data,
  });
}

export function aCopyAdded(
  copyId = uniqueId('copy'),
  data: Partial<EventData<CopyAdded>> = {},
): ShelfmarkEvent<CopyAdded> {
  return createEvent('shelfmark.inventory.copy-added.v1', copyId, {
    copyId,
    bookId: 'book-1',
    barcode: `BC-${copyId}`,
    location: 'SF HER',
    status: 'AVAILABLE',
    ...data,
  });
}

export function aMemberRegistered(
  memberId = uniqueId('member'),
  data: Partial<EventData<MemberRegistered>> = {},
): ShelfmarkEvent<MemberRegistered> {
  return createEvent('shelfmark.members.member-registered.v1', memberId, {
    memberId,
    email: 'ada@example.org',
    name: 'Ada Lovelace',
    role: 'MEMBER',
    points: 0,
    ...data,
  });
}

export function aMemberCardIssued(
  memberId = uniqueId('member'),
  data: Partial<EventData<MemberCardIssued>> = {},
): ShelfmarkEvent<MemberCardIssued> {
  return createEvent('shelfmark.members.member-card-issued.v1', memberId, {
    memberId,
    number: 'C-0001',
    issuedAt: '2026-01-02T03:04:05.000Z',
    expiresAt: '2027-01-02T03:04:05.000Z',
    ...data,
  });
}

export function aCommentPosted(
  commentId = uniqueId('comment'),
  data: Partial<EventData<CommentPosted>> = {},
): ShelfmarkEvent<CommentPosted> {
  return createEvent('shelfmark.comments.comment-posted.v1', commentId, {
    commentId,
    bookId: 'book-1',
    authorId: 'member-1',
    rating: 5,
    ...data,
  });
}

/** A well-formed envelope whose data breaks the book-added contract: retrying cannot fix it. */
export function aPoisonBookAdded(bookId = uniqueId('book')): CloudEvent {
  const event = aBookAdded(bookId);
  return { ...event, data: { ...event.data, isbn: 'not-an-isbn' } };
}
