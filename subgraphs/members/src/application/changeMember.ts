import { byIdIn, changeOnce, type ChangeOutcome } from '@shelfmark/subgraph-kit';
import { MemberNotFound, type Member, type MemberRepository } from '../domain';

/**
 * Opens a repository on a fresh unit of work each time it is called. A write that lost its
 * optimistic lock leaves its unit of work unusable, so every attempt starts from a new one.
 */
export type FreshMembers = () => MemberRepository;

/**
 * Load a member, apply `change`, save: the one way a use case writes a member (the kit's
 * `changeOnce`). When another writer got there first (ConcurrentChange: the member's `version`
 * moved on), the whole thing runs again on the member as it is now, so every rule is checked
 * against the latest balance and status. `change` returns whether it changed anything; nothing
 * changed, nothing written. Given the event that causes it, the change happens once per event
 * (the member's inbox). Resolves to the member as written (or as found), and what became of the
 * change; a member members does not know is {@link MemberNotFound}.
 */
export async function changeMemberOnce(
  members: FreshMembers,
  memberId: string,
  change: (member: Member) => boolean,
  causedBy?: string,
): Promise<{ readonly member: Member; readonly outcome: ChangeOutcome }> {
  const changed = await changeOnce(byIdIn(members, memberId), change, causedBy);
  if (changed.outcome === 'not-found') throw new MemberNotFound(memberId);
  return { member: changed.aggregate, outcome: changed.outcome };
}

/** {@link changeMemberOnce} for a request: resolves to the member as written (or as found). */
export async function changeMember(
  members: FreshMembers,
  memberId: string,
  change: (member: Member) => boolean,
): Promise<Member> {
  return (await changeMemberOnce(members, memberId, change)).member;
}
