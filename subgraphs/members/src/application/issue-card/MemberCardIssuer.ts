import { MemberCard, MemberNotFound, randomCardNumber, type MemberRepository } from '../../domain';

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
    private readonly members: MemberRepository,
    private readonly options: CardIssuerOptions,
  ) {
    this.cardNumbers = options.cardNumbers ?? randomCardNumber;
    this.clock = options.clock ?? (() => new Date());
  }

  async issueFor(memberId: string, causedBy: { readonly eventId: string }): Promise<CardIssueOutcome> {
    const member = await this.members.byId(memberId);
    // Members only hears of registrations it committed itself: a missing member is a fault worth a dead letter.
    if (!member) throw new MemberNotFound(memberId);
    if (member.hasHandled(causedBy.eventId)) return 'already-handled';
    if (member.card) return 'already-has-card';
    member.issueCard(MemberCard.issue(this.cardNumbers(), this.clock(), this.options.validityYears));
    member.markHandled(causedBy.eventId);
    await this.members.save(member);
    return 'issued';
  }
}
