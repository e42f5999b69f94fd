import { MemberUnknown, NotSignedIn } from '@shelfmark/errors';
import { decodeCursor, encodeCursor, pageSize } from '@shelfmark/subgraph-kit';
import {
  Arg,
  Authorized,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Session } from '../../application/Session';
import { PrivateDetails, type Member, type Viewer } from '../../domain';
import type { MembersContext } from './context';
import { RegisterMemberInput } from './member.input';
import { AuthPayload, MemberConnection, MemberType, PointsEntryType } from './member.type';

type Cursor = [name: string, id: string];
const isCursor = (value: unknown): value is Cursor =>
  Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string');

@Resolver(() => MemberType)
export class MemberResolver {
  @Query(() => MemberType, { nullable: true, description: 'The signed-in member; null when not signed in.' })
  me(@Ctx() ctx: MembersContext): Promise<Member | null> | null {
    return ctx.identity ? ctx.memberById.load(ctx.identity.memberId) : null;
  }

  @Authorized('LIBRARIAN')
  @Query(() => MemberConnection, {
    description:
      'Librarians: look members up by name, e-mail or card number. Every word must appear in one of them, ignoring case; sorted by name.',
  })
  async members(
    @Arg('search', { description: 'E.g. "ada", "lovelace@example.org" or "SM-0471"; 1 to 200 characters.' })
    search: string,
    @Ctx() ctx: MembersContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<MemberConnection> {
    const page = await ctx.findMembers.find(ctx.viewer.identity, {
      search,
      first: pageSize(first),
      after: after ? decodeCursor(after, isCursor) : null,
    });
    const edges = page.members.map((member) => ({
      cursor: encodeCursor([member.name, member.id]),
      node: member,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @Mutation(() => AuthPayload, { description: 'Join the library; signs the new member in.' })
  async registerMember(
    @Arg('input', () => RegisterMemberInput) input: RegisterMemberInput,
    @Ctx() ctx: MembersContext,
  ): Promise<Session> {
    return signedIn(ctx, await ctx.registerMember.register(input));
  }

  @Mutation(() => AuthPayload, { description: 'Sign in with e-mail and password.' })
  async login(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() ctx: MembersContext,
  ): Promise<Session> {
    return signedIn(ctx, await ctx.authenticator.login(email, password, ctx.clientAddress));
  }

  @Authorized('LIBRARIAN')
  @Mutation(() => MemberType, {
    description: 'Librarians: give a member 1 to 10,000 points, with the reason on their ledger.',
  })
  async grantPoints(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('points', () => Int) points: number,
    @Arg('reason', () => String, { description: '1 to 500 characters.' }) reason: string,
    @Ctx() ctx: MembersContext,
  ): Promise<Member> {
    await knownStaff(ctx);
    return ctx.grantPoints.grant({ memberId, points, reason });
  }

  @Authorized('LIBRARIAN')
  @Mutation(() => MemberType, {
    description:
      'Librarians: block a member (no borrowing, no holds). Blocking staff takes an admin; nobody blocks themself. Blocking a blocked member changes nothing.',
  })
  async blockMember(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('reason', () => String, { description: '1 to 500 characters; shown to the member.' }) reason: string,
    @Ctx() ctx: MembersContext,
  ): Promise<Member> {
    return ctx.blocker.block(memberId, reason, await knownStaff(ctx));
  }

  @Authorized('LIBRARIAN')
  @Mutation(() => MemberType, {
    description: 'Librarians: lift a block. Unblocking an active member changes nothing.',
  })
  async unblockMember(
    @Arg('memberId', () => ID) memberId: string,
    @Ctx() ctx: MembersContext,
  ): Promise<Member> {
    return ctx.blocker.unblock(memberId, await knownStaff(ctx));
  }

  /**
   * Loans' synchronous call while placing a hold, with the member's own token: not part of the
   * public API (@inaccessible: the router neither shows nor routes it).
   */
  @Directive('@inaccessible')
  @Mutation(() => Int, {
    description:
      "Internal (loans): pay for a hold from the signed-in member's points; returns the new balance. Idempotent per holdId. Refused with SERVICE_UNAVAILABLE, changing nothing, once `deadline` has passed.",
  })
  async spendPointsForHold(
    @Arg('holdId', () => ID) holdId: string,
    @Arg('points', () => Int) points: number,
    @Arg('deadline', () => Date) deadline: Date,
    @Ctx() ctx: MembersContext,
  ): Promise<number> {
    if (!ctx.identity) throw new NotSignedIn();
    await knownMember(ctx, ctx.identity);
    return ctx.spendHoldPoints.spend({ memberId: ctx.identity.memberId, holdId, points, deadline });
  }

  @FieldResolver(() => String, {
    description: 'Private: only the member themself and library staff may read it.',
  })
  email(@Root() member: Member, @Ctx() ctx: MembersContext): string {
    if (!member.showsPrivateDetailsTo(ctx.viewer.identity)) throw new PrivateDetails('email');
    return member.email;
  }

  @FieldResolver(() => [PointsEntryType], {
    description: 'Every change of the points balance, oldest first. Private, like email.',
  })
  pointsLedger(@Root() member: Member, @Ctx() ctx: MembersContext): PointsEntryType[] {
    if (!member.showsPrivateDetailsTo(ctx.viewer.identity)) throw new PrivateDetails('pointsLedger');
    return member.pointsLedger.map(({ at, delta, reason, balance }) => ({
      at: new Date(at),
      delta,
      reason,
      balance,
    }));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why the member is BLOCKED; null while ACTIVE. Private, like email.',
  })
  blockedReason(@Root() member: Member, @Ctx() ctx: MembersContext): string | null {
    if (!member.showsPrivateDetailsTo(ctx.viewer.identity)) throw new PrivateDetails('blockedReason');
    return member.blockedReason;
  }
}

function signedIn(ctx: MembersContext, session: Session): Session {
  ctx.viewer.signedInAs({ memberId: session.member.id, role: session.member.role });
  return session;
}

/**
 * The caller of a staff-only mutation; @Authorized has already refused anyone else by the token's
 * role. The token alone is not enough: its member must still have an account here
 * (docs/adr/0010-who-may-act.md).
 */
async function knownStaff(ctx: MembersContext): Promise<Viewer> {
  if (!ctx.identity) throw new NotSignedIn();
  return knownMember(ctx, ctx.identity);
}

/** A valid token for an account members does not have (closed, never registered) acts for nobody. */
async function knownMember(ctx: MembersContext, viewer: Viewer): Promise<Viewer> {
  if (!(await ctx.memberById.load(viewer.memberId))) throw new MemberUnknown();
  return viewer;
}
