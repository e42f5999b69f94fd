import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { MailRecorder } from '../../application/record-mail/MailRecorder';

type Handled = 'shelfmark.loans.loan-due-soon.v1';

/**
 * A reminder before the due date (loans announces each loan once, `rules.dueSoonDays` ahead).
 */
export class MailReminderOnLoanDueSoon implements Consumer<Handled> {
  /** Its consumer group; the worker prefixes it with `notifications.`. */
  readonly name = 'MailReminderOnLoanDueSoon';
  readonly types = ['shelfmark.loans.loan-due-soon.v1'] as const;

  constructor(private readonly mails: MailRecorder) {}

  async handle(event: ShelfmarkEvent<Handled>): Promise<void> {
    await this.mails.record({
      eventId: event.id,
      kind: 'DUE_SOON',
      memberId: event.data.memberId,
      bookId: event.data.bookId,
      deadline: new Date(event.data.dueAt),
    });
  }
}
