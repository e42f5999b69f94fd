import { createEvent } from '@shelfmark/events';
import { aMemberRegisteredEvent } from '@shelfmark/testing';
import { MailRecorder } from '../../application/record-mail/MailRecorder';
import type { Mail, MailStore } from '../../domain';
import { MailNoticeOnLoanOverdue } from './MailNoticeOnLoanOverdue';
import { MailPickupNoticeOnHoldReady } from './MailPickupNoticeOnHoldReady';
import { MailReceiptOnLoanBorrowed } from './MailReceiptOnLoanBorrowed';
import { MailReminderOnLoanDueSoon } from './MailReminderOnLoanDueSoon';
import { MailWelcomeOnMemberRegistered } from './MailWelcomeOnMemberRegistered';

/** Only what recording touches: the decisions, keyed by event id as the real store keys them. */
function recordedMails() {
  const mails = new Map<string, Mail>();
  const store: Pick<MailStore, 'recordIfAbsent'> = {
    recordIfAbsent: (mail) => {
      if (mails.has(mail.eventId)) return Promise.resolve(false);
      mails.set(mail.eventId, mail);
      return Promise.resolve(true);
    },
  };
  const kicks = { count: 0 };
  const recorder = new MailRecorder(
    store as MailStore,
    () => new Date('2026-11-29T12:00:00Z'),
    () => {
      kicks.count += 1;
    },
  );
  return { mails, recorder, kicks };
}

const dueAt = '2026-12-13T10:00:00.000Z';

describe('which mail each event decides', () => {
  it('member-registered: a welcome, once however often it is delivered, telling the dispatcher once', async () => {
    const { mails, recorder, kicks } = recordedMails();
    const consumer = new MailWelcomeOnMemberRegistered(recorder);
    const event = aMemberRegisteredEvent('m-1');
    await consumer.handle(event);
    await consumer.handle(event);
    expect([...mails.values()]).toEqual([
      expect.objectContaining({ eventId: event.id, kind: 'WELCOME', memberId: 'm-1', bookId: null }),
    ]);
    expect(kicks.count).toBe(1);
  });

  it('loan-borrowed: a receipt for the book with its due date', async () => {
    const { mails, recorder } = recordedMails();
    const event = createEvent('shelfmark.loans.loan-borrowed.v1', 'l-1', {
      loanId: 'l-1',
      borrowId: 'b-1',
      memberId: 'm-1',
      bookId: 'book-1',
      copyId: 'c-1',
      holdId: null,
      borrowedAt: '2026-11-29T10:00:00.000Z',
      dueAt,
    });
    await new MailReceiptOnLoanBorrowed(recorder).handle(event);
    expect(mails.get(event.id)).toMatchObject({
      kind: 'LOAN_RECEIPT',
      memberId: 'm-1',
      bookId: 'book-1',
      deadline: new Date(dueAt),
    });
  });

  it('loan-due-soon and loan-overdue: a reminder and a notice with the due date', async () => {
    const { mails, recorder } = recordedMails();
    const soon = createEvent('shelfmark.loans.loan-due-soon.v1', 'l-1', {
      loanId: 'l-1',
      memberId: 'm-1',
      bookId: 'book-1',
      dueAt,
    });
    const late = createEvent('shelfmark.loans.loan-overdue.v1', 'l-1', {
      loanId: 'l-1',
      memberId: 'm-1',
      bookId: 'book-1',
      copyId: 'c-1',
      dueAt,
    });
    await new MailReminderOnLoanDueSoon(recorder).handle(soon);
    await new MailNoticeOnLoanOverdue(recorder).handle(late);
    expect(mails.get(soon.id)).toMatchObject({ kind: 'DUE_SOON', deadline: new Date(dueAt) });
    expect(mails.get(late.id)).toMatchObject({ kind: 'OVERDUE', deadline: new Date(dueAt) });
  });

  it('hold-ready: a pickup notice with the deadline', async () => {
    const { mails, recorder } = recordedMails();
    const readyUntil = '2026-12-02T10:00:00.000Z';
    const event = createEvent('shelfmark.loans.hold-ready.v1', 'h-1', {
      holdId: 'h-1',
      memberId: 'm-1',
      bookId: 'book-1',
      copyId: 'c-1',
      readyUntil,
    });
    await new MailPickupNoticeOnHoldReady(recorder).handle(event);
    expect(mails.get(event.id)).toMatchObject({ kind: 'HOLD_READY', deadline: new Date(readyUntil) });
  });
});
