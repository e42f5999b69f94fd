import type { Member } from '../../domain';
import { changeMember, type FreshMembers } from '../changeMember';

export interface PointsGrant {
  readonly memberId: string;
  readonly points: number;
  readonly reason: string;
}

/** A librarian gives a member points (docs/design.md §2), with the reason on the ledger. */
export class PointsGranter {
  constructor(
    private readonly members: FreshMembers,
    private readonly clock: () => Date,
  ) {}

  grant({ memberId, points, reason }: PointsGrant): Promise<Member> {
    return changeMember(this.members, memberId, (member) => {
      member.grantPoints(points, reason, this.clock());
      return true;
    });
  }
}
