// Application plumbing shared by the use cases, not a use case: it stays at application/ root.
import { retryOnConflict } from '@shelfmark/subgraph-kit';
import { MemberNotFound, type Member, type MemberRepository } from '../domain';

/**
 * Opens a repository on a fresh unit of work each time it is called. A write that lost its
 * optimistic lock leaves its unit of work unusable, so every attempt starts from a new one.
 */
export type FreshMembers = () => MemberRepository;

/** Enough for a burst of writers on one member (and the relay marking its events published). */
export const MAX_ATTEMPTS = 6;

/**
 * Load a member, apply `change`, save: the one way a use case writes a member. When another
 * writer got there first (ConcurrentChange: the member's `version` moved on), the whole thing
 * runs again on the member as it is now, so every rule is checked against the latest balance and
 * status. `change` returns whether it changed anything; nothing changed, nothing written.
 * Resolves to the member as written (or as found).
 */
export function changeMember(
  members: FreshMembers,
  memberId: string,
  change: (member: Member) => boolean,
): Promise<Member> {
  return retryOnConflict(async () => {
    const repository = members();
    const member = await repository.byId(memberId);
    if (!member) throw new MemberNotFound(memberId);
    if (!change(member)) return member;
    await repository.save(member);
    return member;
  }, MAX_ATTEMPTS);
}
