import { createEvent } from '@shelfmark/events';
import { aBookAddedEvent, aMemberRegisteredEvent } from '@shelfmark/testing';

/** One reader and one book, and an event of each kind the worker mails on, about them. */
export const reader = { memberId: 'member-ada', email: 'ada@library.test', name: 'Ada Reader' };
export const book = { bookId: 'book-lhod', title: 'The Left Hand of Darkness' };
export const dueAt = '2026-12-13T10:00:00.000Z';
export const readyUntil = '2026-12-02T17:45:00.000Z';

export const learnReader = () => aMemberRegisteredEvent(reader.memberId, reader);
export const learnBook = () => aBookAddedEvent(book.bookId, { title: book.title });

export const anEventOfEachKind = () => ({
  WELCOME: learnReader(),
  LOAN_RECEIPT: createEvent('shelfmark.loans.loan-borrowed.v1', 'loan-1', {
    loanId: 'loan-1',
    borrowId: 'borrow-1',
    memberId: reader.memberId,
    bookId: book.bookId,
    copyId: 'copy-1',
    holdId: null,
    borrowedAt: '2026-11-29T10:00:00.000Z',
    dueAt,
  }),
  DUE_SOON: createEvent('shelfmark.loans.loan-due-soon.v1', 'loan-1', {
    loanId: 'loan-1',
    memberId: reader.memberId,
    bookId: book.bookId,
    dueAt,
  }),
  OVERDUE: createEvent('shelfmark.loans.loan-overdue.v1', 'loan-1', {
    loanId: 'loan-1',
    memberId: reader.memberId,
    bookId: book.bookId,
    copyId: 'copy-1',
    dueAt,
  }),
  HOLD_READY: createEvent('shelfmark.loans.hold-ready.v1', 'hold-1', {
    holdId: 'hold-1',
    memberId: reader.memberId,
    bookId: book.bookId,
    copyId: 'copy-1',
    readyUntil,
  }),
});

/** What each kind's mail must show: its subject, and the date it names in both bodies. */
export const expected = {
  WELCOME: { subject: 'Welcome to the library, Ada Reader', date: null },
  LOAN_RECEIPT: { subject: `Your loan: ${book.title}`, date: 'Sunday, 13 December 2026' },
  DUE_SOON: { subject: `${book.title} is due on Sunday, 13 December 2026`, date: 'Sunday, 13 December 2026' },
  OVERDUE: { subject: `${book.title} is overdue`, date: 'Sunday, 13 December 2026' },
  HOLD_READY: { subject: `${book.title} is waiting for you`, date: 'Wednesday, 2 December 2026, 17:45 UTC' },
} as const;
