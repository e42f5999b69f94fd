import type { KnownMember } from './KnownMember';

/** The members comments has heard of. */
export interface KnownMemberRepository {
  exists(memberId: string): Promise<boolean>;
  /** Adds the member unless already known; says whether they were new. */
  addIfAbsent(member: KnownMember): Promise<boolean>;
}
