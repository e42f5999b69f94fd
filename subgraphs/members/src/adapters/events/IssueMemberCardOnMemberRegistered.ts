import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { MemberCardIssuer } from '../../application/issue-card/MemberCardIssuer';

type MemberRegistered = 'shelfmark.members.member-registered.v1';

/**
 * Flow 1: once a registration is committed and published, issue that member's card. A card
 * number that collides fails the write; it is drawn again on the member as it is then.
 */
export class IssueMemberCardOnMemberRegistered implements Consumer<MemberRegistered> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'IssueMemberCardOnMemberRegistered';
  readonly types = ['shelfmark.members.member-registered.v1'] as const;

  constructor(private readonly issuer: MemberCardIssuer) {}

  async handle(event: ShelfmarkEvent<MemberRegistered>): Promise<void> {
    await this.issuer.issueFor(event.data.memberId, { eventId: event.id });
  }
}
