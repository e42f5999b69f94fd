import { PageInfo } from '@shelfmark/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { MemberRole, MemberStatus } from '../../domain';

export const MemberRoleEnum = {
  MEMBER: 'MEMBER',
  LIBRARIAN: 'LIBRARIAN',
  ADMIN: 'ADMIN',
} as const satisfies {
  [Role in MemberRole]: Role;
};
registerEnumType(MemberRoleEnum, {
  name: 'MemberRole',
  description: 'What a member may do; each role includes the ones before it.',
});

export const MemberStatusEnum = { ACTIVE: 'ACTIVE', BLOCKED: 'BLOCKED' } as const satisfies {
  [Status in MemberStatus]: Status;
};
registerEnumType(MemberStatusEnum, {
  name: 'MemberStatus',
  description: 'A BLOCKED member cannot borrow or place holds.',
});

@ObjectType('MemberCard', { description: "A member's library card." })
export class MemberCardType {
  @Field({ description: 'SM- followed by eight digits, e.g. SM-04718265.' })
  number!: string;

  @Field()
  issuedAt!: Date;

  @Field()
  expiresAt!: Date;
}

@ObjectType('PointsEntry', { description: "One change of a member's points balance." })
export class PointsEntryType {
  @Field()
  at!: Date;

  @Field(() => Int, { description: 'Points added (positive) or taken (negative).' })
  delta!: number;

  @Field()
  reason!: string;

  @Field(() => Int, { description: 'The balance right after this change.' })
  balance!: number;
}

/**
 * `email`, `pointsLedger` and `blockedReason` are private; MemberResolver adds them with their
 * access check.
 */
@ObjectType('Member', {
  description: 'Someone who borrows from the library, or staff who run it. Loans adds loans and holds.',
})
@Directive('@key(fields: "id")')
export class MemberType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => MemberRoleEnum)
  role!: MemberRole;

  @Field(() => MemberStatusEnum)
  status!: MemberStatus;

  @Field(() => Int, { description: 'Points balance; holds cost points.' })
  points!: number;

  @Field(() => MemberCardType, {
    nullable: true,
    description: 'Null until the card is issued, shortly after registration.',
  })
  card!: MemberCardType | null;

  @Field()
  registeredAt!: Date;
}

@ObjectType('MemberEdge')
export class MemberEdge {
  @Field()
  cursor!: string;

  @Field(() => MemberType)
  node!: MemberType;
}

@ObjectType('MemberConnection', { description: 'A page of members, sorted by name.' })
export class MemberConnection {
  @Field(() => [MemberEdge])
  edges!: MemberEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many members match, over all pages.' })
  totalCount!: number;
}

@ObjectType('AuthPayload', {
  description: 'A signed-in session: send the token as "Authorization: Bearer <token>".',
})
export class AuthPayload {
  @Field()
  token!: string;

  @Field(() => MemberType)
  member!: MemberType;
}
