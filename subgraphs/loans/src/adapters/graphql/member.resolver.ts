import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HoldStatus, LoanStatus, type Hold, type Loan } from '../../domain';
import type { LoansContext } from './context';
import { HoldType } from './hold.type';
import { LoanType } from './loan.type';
import { MemberReference } from './member.type';

@Resolver(() => MemberReference)
export class MemberResolver {
  @FieldResolver(() => [LoanType], {
    nullable: true,
    description: "The member's loans, newest first; only for the member themself and librarians.",
  })
  loans(
    @Root() member: MemberReference,
    @Ctx() ctx: LoansContext,
    @Arg('status', () => LoanStatus, { nullable: true, description: 'Only loans in this status.' })
    status?: LoanStatus | null,
  ): Promise<Loan[]> {
    return ctx.circulation.loans(ctx.identity, member.id, status ?? null);
  }

  @FieldResolver(() => [HoldType], {
    nullable: true,
    description: "The member's holds, newest first; only for the member themself and librarians.",
  })
  holds(
    @Root() member: MemberReference,
    @Ctx() ctx: LoansContext,
    @Arg('status', () => HoldStatus, { nullable: true, description: 'Only holds in this status.' })
    status?: HoldStatus | null,
  ): Promise<Hold[]> {
    return ctx.circulation.holds(ctx.identity, member.id, status ?? null);
  }
}
