import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Hold, Loan } from '../../domain';
import type { LoansContext } from './context';
import { HoldType } from './hold.type';
import { LoanType } from './loan.type';

/** The circulation desk: borrow, return, renew, hold, cancel. Resolvers translate; rules live below. */
@Resolver()
export class CirculationResolver {
  @Authorized()
  @Mutation(() => [LoanType], {
    description:
      'Borrow one or more books at once, all or nothing: either every book gets a copy, or nothing is lent.',
  })
  borrowBooks(
    @Arg('bookIds', () => [ID], { description: 'Each book once; at most the loan limit.' }) bookIds: string[],
    @Ctx() ctx: LoansContext,
  ): Promise<Loan[]> {
    return ctx.use.borrowBooks.borrow(ctx.caller, bookIds);
  }

  @Authorized()
  @Mutation(() => LoanType, { description: 'Give a borrowed copy back (the borrower or a librarian).' })
  returnLoan(@Arg('loanId', () => ID) loanId: string, @Ctx() ctx: LoansContext): Promise<Loan> {
    return ctx.use.returnLoan.return(ctx.caller, loanId);
  }

  @Authorized()
  @Mutation(() => LoanType, {
    description: 'Push the due date back one loan period, unless someone is waiting for the book.',
  })
  renewLoan(@Arg('loanId', () => ID) loanId: string, @Ctx() ctx: LoansContext): Promise<Loan> {
    return ctx.use.renewLoan.renew(ctx.caller, loanId);
  }

  @Authorized()
  @Mutation(() => HoldType, {
    description:
      "Join a book's queue. Costs points, taken now and refunded if the hold is cancelled or expires.",
  })
  placeHold(@Arg('bookId', () => ID) bookId: string, @Ctx() ctx: LoansContext): Promise<Hold> {
    return ctx.use.placeHold.place(ctx.caller, bookId);
  }

  @Authorized()
  @Mutation(() => HoldType, { description: 'Withdraw a waiting or ready hold; its points are refunded.' })
  cancelHold(@Arg('holdId', () => ID) holdId: string, @Ctx() ctx: LoansContext): Promise<Hold> {
    return ctx.use.cancelHold.cancel(ctx.caller, holdId);
  }
}
