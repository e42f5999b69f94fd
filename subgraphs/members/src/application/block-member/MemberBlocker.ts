import type { Member, Viewer } from '../../domain';
import { changeMember, type FreshMembers } from '../changeMember';

/**
 * Staff block a member, or lift the block. Both are idempotent: blocking a BLOCKED member or
 * unblocking an ACTIVE one writes nothing, records no event and returns the member as it is.
 */
export class MemberBlocker {
  constructor(
    private readonly members: FreshMembers,
    private readonly clock: () => Date,
  ) {}

  block(memberId: string, reason: string, by: Viewer): Promise<Member> {
    return changeMember(this.members, memberId, (member) => member.block(reason, by, this.clock()));
  }

  unblock(memberId: string, by: Viewer): Promise<Member> {
    return changeMember(this.members, memberId, (member) => member.unblock(by, this.clock()));
  }
}
