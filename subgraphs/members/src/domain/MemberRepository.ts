import type { Member } from './Member';

export interface MemberQuery {
  /** Lower-cased words that must all appear in the member's name, e-mail or card number. */
  readonly terms: readonly string[];
  readonly first: number;
  /** Position after which the page starts: the name and id of the last member seen. */
  readonly after: readonly [name: string, id: string] | null;
}

export interface MemberPage {
  readonly members: readonly Member[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

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
  /** Members matching every term, sorted by name (then id), a page at a time. */
  search(query: MemberQuery): Promise<MemberPage>;
  /** Up to `limit` members stored before they had a search key. */
  withoutSearchKey(limit: number): Promise<Member[]>;
}
