import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { MailRecorder } from '../../application/record-mail/MailRecorder';

type Handled = 'shelfmark.loans.loan-overdue.v1';

/**
 * Tells the member a loan is overdue (announced once per loan by loans' scheduled job).
 */
export class MailNoticeOnLoanOverdue implements Consumer<Handled> {
  /** Its consumer group; the worker prefixes it with `notifications.`. */
  readonly name = 'MailNoticeOnLoanOverdue';
  readonly types = ['shelfmark.loans.loan-overdue.v1'] as const;

  constructor(private readonly mails: MailRecorder) {}

  async handle(event: ShelfmarkEvent<Handled>): Promise<void> {
    await this.mails.record({
      eventId: event.id,
      kind: 'OVERDUE',
      memberId: event.data.memberId,
      bookId: event.data.bookId,
      deadline: new Date(event.data.dueAt),
    });
  }
}
