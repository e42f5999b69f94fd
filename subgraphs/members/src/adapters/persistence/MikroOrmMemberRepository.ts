import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import { ConcurrentChange } from '@shelfmark/errors';
import { isUniqueViolation } from '@shelfmark/subgraph-kit';
import { EmailAddress, EmailTaken, type Member, type MemberRepository } from '../../domain';
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
}
