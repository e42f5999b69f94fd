import type { EntityManager } from '@mikro-orm/core';
import { insertIfAbsent } from '@shelfmark/subgraph-kit';
import type { KnownMember, KnownMemberRepository } from '../../domain';
import { KnownMemberSchema } from './known-member.schema';

export class MikroOrmKnownMemberRepository implements KnownMemberRepository {
  constructor(private readonly em: EntityManager) {}

  async exists(memberId: string): Promise<boolean> {
    return (await this.em.count(KnownMemberSchema, { memberId })) > 0;
  }

  async addIfAbsent(member: KnownMember): Promise<boolean> {
    if (await this.exists(member.memberId)) return false;
    return insertIfAbsent(this.em, member);
  }
}
