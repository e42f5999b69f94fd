import type { Member } from './Member';

/** The library's members. */
export interface MemberRepository {
  /** Stores a new member; rejects with EmailTaken when the e-mail is already in use. */
  add(member: Member): Promise<void>;
  /** Writes the changes of a member loaded from this repository (one document write). */
  save(member: Member): Promise<void>;
  byId(id: string): Promise<Member | null>;
  byIds(ids: readonly string[]): Promise<Member[]>;
  /** `email` is compared normalised (see EmailAddress.normalise). */
  byEmail(email: string): Promise<Member | null>;
}
