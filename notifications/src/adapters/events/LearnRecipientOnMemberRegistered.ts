import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { RecipientRegistrar } from '../../application/learn-recipient/RecipientRegistrar';

type Handled = 'shelfmark.members.member-registered.v1';

/**
 * Learns a new member's address and name (the worker's own read model; it never asks members).
 */
export class LearnRecipientOnMemberRegistered implements Consumer<Handled> {
  /** Its consumer group; the worker prefixes it with `notifications.`. */
  readonly name = 'LearnRecipientOnMemberRegistered';
  readonly types = ['shelfmark.members.member-registered.v1'] as const;

  constructor(private readonly recipients: RecipientRegistrar) {}

  async handle(event: ShelfmarkEvent<Handled>): Promise<void> {
    await this.recipients.register(event.data.memberId, event.data.email, event.data.name);
  }
}
