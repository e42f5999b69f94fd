import type { MikroORM } from '@mikro-orm/core';
import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import { MemberCardIssuer, type CardIssuerOptions } from '../../application/issue-card/MemberCardIssuer';
import { MikroOrmMemberRepository } from '../persistence/MikroOrmMemberRepository';

type MemberRegistered = 'shelfmark.members.member-registered.v1';

/**
 * Flow 1: once a registration is committed and published, issue that member's card. Each event
 * gets its own unit of work. A card number that collides fails the write; the bus retries the
 * event, which draws a new number.
 */
export class IssueMemberCardOnMemberRegistered implements Consumer<MemberRegistered> {
  readonly name = 'IssueMemberCardOnMemberRegistered';
  readonly types = ['shelfmark.members.member-registered.v1'] as const;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: CardIssuerOptions,
  ) {}

  async handle(event: ShelfmarkEvent<MemberRegistered>): Promise<void> {
    const members = new MikroOrmMemberRepository(this.orm.em.fork());
    await new MemberCardIssuer(members, this.options).issueFor(event.data.memberId, { eventId: event.id });
  }
}
