import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { MailRecorder } from '../../application/record-mail/MailRecorder';

type Handled = 'shelfmark.members.member-registered.v1';

/**
 * Flow 1: a new member gets a welcome mail (recorded PENDING, keyed by the event; sent by the dispatcher).
 */
export class MailWelcomeOnMemberRegistered implements Consumer<Handled> {
  /** Its consumer group; the worker prefixes it with `notifications.`. */
  readonly name = 'MailWelcomeOnMemberRegistered';
  readonly types = ['shelfmark.members.member-registered.v1'] as const;

  constructor(private readonly mails: MailRecorder) {}

  async handle(event: ShelfmarkEvent<Handled>): Promise<void> {
    await this.mails.record({
      eventId: event.id,
      kind: 'WELCOME',
      memberId: event.data.memberId,
      bookId: null,
      deadline: null,
    });
  }
}
