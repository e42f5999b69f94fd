import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { BorrowerChange, BorrowerTracker } from '../../application/track-borrowers/BorrowerTracker';

type MemberEvent =
  | 'shelfmark.members.member-registered.v1'
  | 'shelfmark.members.member-card-issued.v1'
  | 'shelfmark.members.member-blocked.v1'
  | 'shelfmark.members.member-unblocked.v1';

/** What a member event means for the borrower loans keeps of that member. */
function changeOf(event: ShelfmarkEvent<MemberEvent>): BorrowerChange {
  switch (event.type) {
    case 'shelfmark.members.member-registered.v1':
      return { kind: 'registered' };
    case 'shelfmark.members.member-card-issued.v1':
      return { kind: 'card-issued', cardNumber: event.data.number };
    case 'shelfmark.members.member-blocked.v1':
      return { kind: 'blocked', reason: event.data.reason };
    case 'shelfmark.members.member-unblocked.v1':
      return { kind: 'unblocked' };
  }
}

/** Keeps loans' borrower of each member current: who exists, their card (for the desk), and who is blocked. */
export class TrackBorrowerOnMemberEvents implements Consumer<MemberEvent> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'TrackBorrowerOnMemberEvents';
  readonly types = [
    'shelfmark.members.member-registered.v1',
    'shelfmark.members.member-card-issued.v1',
    'shelfmark.members.member-blocked.v1',
    'shelfmark.members.member-unblocked.v1',
  ] as const;

  constructor(private readonly borrowers: BorrowerTracker) {}

  async handle(event: ShelfmarkEvent<MemberEvent>): Promise<void> {
    await this.borrowers.apply(event.data.memberId, changeOf(event), { eventId: event.id });
  }
}
