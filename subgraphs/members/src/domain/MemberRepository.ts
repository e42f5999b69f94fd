import type { Member } from './Member';

/** The library's members. */
export interface MemberRepository {
  /** Stores a new member; rejects with EmailTaken when the e-mail is already in use. */
  add(member: Member): Promise<void>;
  /**
   * Writes the changes of a member loaded from this repository (one document write). Rejects
   * with ConcurrentChange when someone else wrote the member since it was loaded (its `version`
   * moved on): nothing was written, and this repository's unit of work is spent; load the member
   * again from a fresh one.
   */
  save(member: Member): Promise<void>;
  byId(id: string): Promise<Member | null>;
  byIds(ids: readonly string[]): Promise<Member[]>;
  /** `email` is compared normalised (see EmailAddress.normalise). */
  byEmail(email: string): Promise<Member | null>;
}
