import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Session } from '../../application/Session';
import { PrivateDetails, type Member } from '../../domain';
import type { MembersContext } from './context';
import { RegisterMemberInput } from './member.input';
import { AuthPayload, MemberType, PointsEntryType } from './member.type';

@Resolver(() => MemberType)
export class MemberResolver {
  @Query(() => MemberType, { nullable: true, description: 'The signed-in member; null when not signed in.' })
  me(@Ctx() ctx: MembersContext): Promise<Member | null> | null {
    return ctx.identity ? ctx.memberById.load(ctx.identity.memberId) : null;
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
    return signedIn(ctx, await ctx.authenticator.login(email, password));
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
    return member.pointsLedger.map((entry) => ({ ...entry, at: new Date(entry.at) }));
  }
}

function signedIn(ctx: MembersContext, session: Session): Session {
  ctx.viewer.signedInAs({ memberId: session.member.id, role: session.member.role });
  return session;
}
