import { PaymentTooLate } from '../../domain';
import { changeMember, type FreshMembers } from '../changeMember';

export interface HoldPayment {
  readonly memberId: string;
  readonly holdId: string;
  readonly points: number;
  /** When the caller (loans, placing the hold) stops waiting for the answer. */
  readonly deadline: Date;
}

/**
 * Takes a hold's points, synchronously, for loans (docs/design.md §4, flow 4: no points, no hold).
 * Idempotent per hold: a retry gets the balance back without paying twice. Concurrent payments
 * never overdraw: each is checked against the balance it is written over (optimistic lock).
 */
export class HoldPointsSpender {
  constructor(
    private readonly members: FreshMembers,
    private readonly clock: () => Date,
  ) {}

  /** Resolves to the member's balance after paying. */
  async spend({ memberId, holdId, points, deadline }: HoldPayment): Promise<number> {
    const member = await changeMember(this.members, memberId, (current) => {
      // Checked on every attempt, just before the write: once the caller has given up it
      // abandons the hold and asks for a refund; a payment landing after that must not happen.
      // Should hold-abandoned be handled in between, it moved the member's version on, so this
      // write fails its lock and the next attempt sees the deadline passed.
      const now = this.clock();
      if (now.getTime() > deadline.getTime()) throw new PaymentTooLate(deadline);
      return current.spendForHold(holdId, points, now);
    });
    return member.points;
  }
}
