import { ConcurrentChange } from '@shelfmark/errors';
import type { Session, TokenIssuer } from '../../src/application/Session';
import {
  EmailTaken,
  Member,
  MemberCard,
  type MemberPage,
  type MemberQuery,
  type MemberRepository,
  type Password,
  type PasswordHasher,
} from '../../src/domain';

/**
 * Members kept as copies, as a database keeps rows: what a use case changed is seen only once it
 * saved it, the unique e-mail and card number are enforced like the real indexes, and `version`
 * like the optimistic lock (a save over a newer version is refused with ConcurrentChange).
 */
export class InMemoryMemberRepository implements MemberRepository {
  private readonly rows = new Map<string, Member>();
  private readonly beforeSaves: (() => Promise<void>)[] = [];
  private interleaving = false;
  /** How many times a member was written (added or saved). */
  writes = 0;
  /** How many saves lost the optimistic lock. */
  conflicts = 0;

  /**
   * Runs `write` just before the next save: another writer getting in between a use case's read
   * and its write. The saves `write` itself makes do not run the next ones queued.
   */
  beforeNextSave(write: () => Promise<void>): void {
    this.beforeSaves.push(write);
  }

  add(member: Member): Promise<void> {
    if ([...this.rows.values()].some((row) => row.email === member.email))
      return Promise.reject(new EmailTaken());
    this.rows.set(member.id, copy(member));
    this.writes += 1;
    return Promise.resolve();
  }

  async save(member: Member): Promise<void> {
    const interleaved = this.interleaving ? undefined : this.beforeSaves.shift();
    if (interleaved) {
      this.interleaving = true;
      await interleaved().finally(() => (this.interleaving = false));
    }
    const number = member.card?.number;
    if (
      number &&
      [...this.rows.values()].some((row) => row.id !== member.id && row.card?.number === number)
    ) {
      throw new Error(`unique violation: card number ${number}`);
    }
    if (this.rows.get(member.id)?.version !== member.version) {
      this.conflicts += 1;
      throw new ConcurrentChange();
    }
    member.version += 1;
    this.rows.set(member.id, copy(member));
    this.writes += 1;
  }

  byId(id: string): Promise<Member | null> {
    const row = this.rows.get(id);
    return Promise.resolve(row ? copy(row) : null);
  }

  byIds(ids: readonly string[]): Promise<Member[]> {
    return Promise.resolve(ids.flatMap((id) => (this.rows.has(id) ? [copy(this.rows.get(id)!)] : [])));
  }

  byEmail(email: string): Promise<Member | null> {
    const row = [...this.rows.values()].find((r) => r.email === email.trim().toLowerCase());
    return Promise.resolve(row ? copy(row) : null);
  }

  search({ terms, first, after }: MemberQuery): Promise<MemberPage> {
    const matching = [...this.rows.values()]
      .filter((row) => terms.every((term) => (row.searchKey ?? '').includes(term)))
      .sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
    const start = after ? matching.findIndex((row) => [row.name, row.id].join('\0') > after.join('\0')) : 0;
    const rest = start === -1 ? [] : matching.slice(start);
    return Promise.resolve({
      members: rest.slice(0, first).map(copy),
      hasNextPage: rest.length > first,
      totalCount: matching.length,
    });
  }

  withoutSearchKey(limit: number): Promise<Member[]> {
    return Promise.resolve(
      [...this.rows.values()]
        .filter((row) => row.searchKey === null || row.searchKey === undefined)
        .slice(0, limit)
        .map(copy),
    );
  }

  all(): Member[] {
    return [...this.rows.values()].map(copy);
  }
}

function copy(member: Member): Member {
  const clone = Object.assign(Object.create(Member.prototype) as Member, structuredClone({ ...member }));
  if (member.card) clone.card = Object.assign(new MemberCard(), structuredClone({ ...member.card }));
  return clone;
}

/** Reversible "hashes", and a record of what was verified against which hash. */
export class FakePasswordHasher implements PasswordHasher {
  readonly decoy = 'hashed:<nobody>';
  readonly hashed: string[] = [];
  readonly verified: { hash: string; password: string }[] = [];

  hash(password: Password): Promise<string> {
    this.hashed.push(password);
    return Promise.resolve(`hashed:${password}`);
  }

  verify(hash: string, password: string): Promise<boolean> {
    this.verified.push({ hash, password });
    return Promise.resolve(hash === `hashed:${password}`);
  }
}

export class FakeTokenIssuer implements TokenIssuer {
  issue(member: Member): Promise<Session['token']> {
    return Promise.resolve(`token-for:${member.id}:${member.role}`);
  }
}
