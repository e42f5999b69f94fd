import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Hold, Loan } from '../../domain';
import { CheckInResultType } from './check-in.type';
import type { LoansContext } from './context';
import { HoldType } from './hold.type';
import { LoanType } from './loan.type';

/**
 * Circulation: borrow, return, renew, hold, cancel; and the librarian's desk, check out and check
 * in. Resolvers translate; rules live below.
 */
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

  @Authorized('LIBRARIAN')
  @Mutation(() => [LoanType], {
    description:
      'Librarians at the desk: lend the copies scanned to the member whose card is scanned, all or nothing, by the rules of borrowBooks. ' +
      'A copy on the hold shelf can be lent only to the member it waits for (their hold is fulfilled).',
  })
  checkOut(
    @Arg('cardNumber', { description: 'The member’s library card, as typed or scanned (SM-########).' })
    cardNumber: string,
    @Arg('barcodes', () => [String], {
      description: 'The copies, as typed or scanned; each once, at most the loan limit.',
    })
    barcodes: string[],
    @Ctx() ctx: LoansContext,
  ): Promise<Loan[]> {
    return ctx.use.checkOut.checkOut(ctx.caller, cardNumber, barcodes);
  }

  @Authorized('LIBRARIAN')
  @Mutation(() => CheckInResultType, {
    description:
      'Librarians at the desk: a copy came back. Returns its loan (as returnLoan) and says where the copy goes: the shelves, or the hold shelf for the next hold.',
  })
  async checkIn(
    @Arg('barcode', { description: 'The copy, as typed or scanned.' }) barcode: string,
    @Ctx() ctx: LoansContext,
  ): Promise<CheckInResultType> {
    const { loan, nextHold } = await ctx.use.checkIn.checkIn(ctx.caller, barcode);
    return {
      loan: loan as unknown as LoanType,
      routedTo: { destination: nextHold ? 'HOLD_SHELF' : 'SHELF', holdId: nextHold?.holdId ?? null },
    };
  }
}
