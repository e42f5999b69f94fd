import { MemberCard, randomCardNumber } from '../../domain';
import { changeMemberOnce, type FreshMembers } from '../changeMember';

export interface CardIssuerOptions {
  /** How long a card is valid, in whole years. */
  readonly validityYears: number;
  readonly cardNumbers?: () => string;
  readonly clock?: () => Date;
}

export type CardIssueOutcome = 'issued' | 'already-handled' | 'already-has-card';

/**
 * Issues a member's card after they registered (flow 1, asynchronously). Idempotent: the card,
 * the event id it was issued for and the card-issued event are one write of the member, so a
 * redelivered registration changes nothing.
 */
export class MemberCardIssuer {
  private readonly cardNumbers: () => string;
  private readonly clock: () => Date;

  constructor(
    private readonly members: FreshMembers,
    private readonly options: CardIssuerOptions,
  ) {
    this.cardNumbers = options.cardNumbers ?? randomCardNumber;
    this.clock = options.clock ?? (() => new Date());
  }

  async issueFor(memberId: string, causedBy: { readonly eventId: string }): Promise<CardIssueOutcome> {
    // Members only hears of registrations it committed itself: a missing member (MemberNotFound)
    // is a fault worth a dead letter.
    const { outcome } = await changeMemberOnce(
      this.members,
      memberId,
      (member) => {
        if (member.card) return false;
        member.issueCard(MemberCard.issue(this.cardNumbers(), this.clock(), this.options.validityYears));
        return true;
      },
      causedBy.eventId,
    );
    if (outcome === 'changed') return 'issued';
    return outcome === 'already-handled' ? outcome : 'already-has-card';
  }
}
