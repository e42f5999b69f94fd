import { OptimisticLockError, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { ConcurrentChange } from '@shelfmark/errors';
import { containing, isUniqueViolation } from '@shelfmark/subgraph-kit';
import {
  EmailAddress,
  EmailTaken,
  type Member,
  type MemberPage,
  type MemberQuery,
  type MemberRepository,
} from '../../domain';
import { MemberSchema } from './member.schema';

export class MikroOrmMemberRepository implements MemberRepository {
  constructor(private readonly em: EntityManager) {}

  async add(member: Member): Promise<void> {
    try {
      await this.em.persist(member).flush();
    } catch (error) {
      // A new member has no card yet, so e-mail is the only unique value it can collide on.
      if (isUniqueViolation(error)) throw new EmailTaken();
      throw error;
    }
  }

  async save(member: Member): Promise<void> {
    try {
      await this.em.persist(member).flush();
    } catch (error) {
      // The write carried the version it read; another writer moved it on, so nothing was written.
      if (error instanceof OptimisticLockError) throw new ConcurrentChange();
      throw error;
    }
  }

  byId(id: string): Promise<Member | null> {
    return this.em.findOne(MemberSchema, { id });
  }

  byIds(ids: readonly string[]): Promise<Member[]> {
    return this.em.find(MemberSchema, { id: { $in: [...ids] } });
  }

  byEmail(email: string): Promise<Member | null> {
    return this.em.findOne(MemberSchema, { email: EmailAddress.normalise(email) });
  }

  async search({ terms, first, after }: MemberQuery): Promise<MemberPage> {
    // Each term literally (LIKE-escaped on SQL, regex-escaped on MongoDB) in the lower-cased key.
    const matching: FilterQuery<Member> = {
      $and: terms.map((term) => ({ searchKey: containing(this.em, term) })),
    };
    const page: FilterQuery<Member> = after
      ? {
          $and: [matching, { $or: [{ name: { $gt: after[0] } }, { name: after[0], id: { $gt: after[1] } }] }],
        }
      : matching;
    const [rows, totalCount] = await Promise.all([
      this.em.find(MemberSchema, page, { orderBy: { name: 'asc', id: 'asc' }, limit: first + 1 }),
      this.em.count(MemberSchema, matching),
    ]);
    return { members: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }

  withoutSearchKey(limit: number): Promise<Member[]> {
    return this.em.find(MemberSchema, { searchKey: null }, { orderBy: { id: 'asc' }, limit });
  }
}
