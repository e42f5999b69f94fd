import { decodeCursor, encodeCursor, pageSize } from '@shelfmark/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { HoldStatus, LoanStatus, type Hold, type Loan } from '../../domain';
import type { LoansContext } from './context';
import { HoldType } from './hold.type';
import { LoanConnection, LoanType } from './loan.type';
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
