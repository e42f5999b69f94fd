import { decodeCursor, encodeCursor, pageSize } from '@shelfmark/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root, registerEnumType } from 'type-graphql';
import { HoldStatus, LoanStatus, type CannotBorrowReason, type Hold, type Loan } from '../../domain';
import type { LoansContext } from './context';
import { HoldType } from './hold.type';
import { LoanConnection, LoanType } from './loan.type';
import { MemberReference } from './member.type';

const CannotBorrowReasonEnum = {
  BLOCKED: 'BLOCKED',
  OVERDUE_LOAN: 'OVERDUE_LOAN',
  LOAN_LIMIT_REACHED: 'LOAN_LIMIT_REACHED',
} as const satisfies { [Reason in CannotBorrowReason]: Reason };
registerEnumType(CannotBorrowReasonEnum, {
  name: 'CannotBorrowReason',
  description: 'Why a member cannot borrow right now (the first that applies).',
  valuesConfig: {
    BLOCKED: { description: 'A librarian blocked the member (Member.blockedReason says why).' },
    OVERDUE_LOAN: { description: 'The member has a loan out past its due date.' },
    LOAN_LIMIT_REACHED: { description: 'The member has as many loans out as the limit allows.' },
  },
});

const STANDING_ACCESS =
  'Only for the member themself and librarians; null for a member loans has not heard of yet.';

@Resolver(() => MemberReference)
export class MemberResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: `Loans the member has out now (ACTIVE or OVERDUE). ${STANDING_ACCESS}`,
  })
  async activeLoanCount(@Root() member: MemberReference, @Ctx() ctx: LoansContext): Promise<number | null> {
    return (await ctx.standing.standing(ctx.identity, member.id))?.activeLoans ?? null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `How many loans the member may have out at once. ${STANDING_ACCESS}`,
  })
  async loanLimit(@Root() member: MemberReference, @Ctx() ctx: LoansContext): Promise<number | null> {
    return (await ctx.standing.standing(ctx.identity, member.id))?.loanLimit ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: `Whether the member may borrow at least one more book now: not blocked, nothing overdue, under the loan limit. ${STANDING_ACCESS}`,
  })
  async canBorrow(@Root() member: MemberReference, @Ctx() ctx: LoansContext): Promise<boolean | null> {
    const standing = await ctx.standing.standing(ctx.identity, member.id);
    return standing ? standing.cannotBorrowBecause === null : null;
  }

  @FieldResolver(() => CannotBorrowReasonEnum, {
    nullable: true,
    description: `Why the member cannot borrow now; null when they can. ${STANDING_ACCESS}`,
  })
  async cannotBorrowReason(
    @Root() member: MemberReference,
    @Ctx() ctx: LoansContext,
  ): Promise<CannotBorrowReason | null> {
    return (await ctx.standing.standing(ctx.identity, member.id))?.cannotBorrowBecause ?? null;
  }

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

  @FieldResolver(() => LoanConnection, {
    nullable: true,
    description:
      'Every loan the member ever had, newest first, a page at a time; only for the member themself and librarians.',
  })
  async loanHistory(
    @Root() member: MemberReference,
    @Ctx() ctx: LoansContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<LoanConnection> {
    const page = await ctx.circulation.history(ctx.identity, member.id, {
      first: pageSize(first),
      after: after ? decodeCursor(after, isHistoryCursor) : null,
    });
    const edges = page.loans.map((loan) => ({
      cursor: encodeCursor({ borrowedAt: loan.borrowedAt.toISOString(), id: loan.id }),
      node: loan as unknown as LoanType,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }
}

function isHistoryCursor(value: unknown): value is { borrowedAt: string; id: string } {
  const cursor = value as { borrowedAt?: unknown; id?: unknown } | null;
  return (
    typeof cursor?.borrowedAt === 'string' &&
    !Number.isNaN(Date.parse(cursor.borrowedAt)) &&
    typeof cursor.id === 'string'
  );
}
