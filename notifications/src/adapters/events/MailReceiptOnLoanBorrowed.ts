import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { MailRecorder } from '../../application/record-mail/MailRecorder';

type Handled = 'shelfmark.loans.loan-borrowed.v1';

/**
 * Flow 2: a receipt for each loan, with the book's title and due date. Loans publishes one event per
 * copy of a borrowBooks request, so a request of three books is three receipts, each sent once.
 */
export class MailReceiptOnLoanBorrowed implements Consumer<Handled> {
  /** Its consumer group; the worker prefixes it with `notifications.`. */
  readonly name = 'MailReceiptOnLoanBorrowed';
  readonly types = ['shelfmark.loans.loan-borrowed.v1'] as const;

  constructor(private readonly mails: MailRecorder) {}

  async handle(event: ShelfmarkEvent<Handled>): Promise<void> {
    await this.mails.record({
      eventId: event.id,
      kind: 'LOAN_RECEIPT',
      memberId: event.data.memberId,
      bookId: event.data.bookId,
      deadline: new Date(event.data.dueAt),
    });
  }
}
