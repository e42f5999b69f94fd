import { changeMemberOnce, type FreshMembers } from '../changeMember';

export interface HoldRefund {
  readonly memberId: string;
  readonly holdId: string;
  /** On the ledger, e.g. "Hold cancelled". */
  readonly reason: string;
}

export interface HoldRefundResult {
  readonly outcome: 'refunded' | 'nothing-to-refund' | 'already-handled';
  /** What the ledger says was paid for the hold (0 when nothing was); that is what is refunded. */
  readonly spent: number;
}

/**
 * Gives back a hold's points when it ends unused (cancelled, expired, abandoned). Idempotent twice
 * over: the event id goes into the member's inbox, and the ledger holds at most one refund per hold,
 * so neither a redelivered event nor a second event about the same hold refunds again.
 */
export class HoldPointsRefunder {
  constructor(
    private readonly members: FreshMembers,
    private readonly clock: () => Date,
  ) {}

  async refund(
    { memberId, holdId, reason }: HoldRefund,
    causedBy: { readonly eventId: string },
  ): Promise<HoldRefundResult> {
    let refunded = false;
    const { member, outcome } = await changeMemberOnce(
      this.members,
      memberId,
      (current) => {
        refunded = current.refundHold(holdId, reason, this.clock());
        // Written even when nothing was refunded: the write moves the member's version on, so a
        // payment for this hold still in flight fails its lock, re-reads, and finds its deadline gone.
        return true;
      },
      causedBy.eventId,
    );
    return {
      outcome: outcome === 'already-handled' ? outcome : refunded ? 'refunded' : 'nothing-to-refund',
      spent: member.pointsSpentForHold(holdId) ?? 0,
    };
  }
}
