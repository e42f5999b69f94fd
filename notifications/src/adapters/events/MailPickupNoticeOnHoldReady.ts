import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { MailRecorder } from '../../application/record-mail/MailRecorder';

type Handled = 'shelfmark.loans.hold-ready.v1';

/**
 * Tells the member their reserved book waits on the hold shelf, and until when.
 */
export class MailPickupNoticeOnHoldReady implements Consumer<Handled> {
  /** Its consumer group; the worker prefixes it with `notifications.`. */
  readonly name = 'MailPickupNoticeOnHoldReady';
  readonly types = ['shelfmark.loans.hold-ready.v1'] as const;

  constructor(private readonly mails: MailRecorder) {}

  async handle(event: ShelfmarkEvent<Handled>): Promise<void> {
    await this.mails.record({
      eventId: event.id,
      kind: 'HOLD_READY',
      memberId: event.data.memberId,
      bookId: event.data.bookId,
      deadline: new Date(event.data.readyUntil),
    });
  }
}
