import { NotSignedIn } from '@shelfmark/errors';
import { changeOnce, type Clock } from '@shelfmark/subgraph-kit';
import { LoanAlreadyReturned, NotYourLoan, UnknownLoan, type Loan, type NextHold } from '../../domain';
import { loanIn, mayActFor, nextInQueue, type Caller, type OpenStores } from '../CirculationStores';

/**
 * returnLoan (flow 3). The first hold in the book's queue, if any, is chosen in the same write as
 * the return, so inventory puts the copy straight on the hold shelf for that member; the copy is
 * never free for anyone else in between.
 */
export class LoanReturner {
  constructor(
    private readonly open: OpenStores,
    private readonly clock: Clock,
  ) {}

  async return(caller: Caller | null, loanId: string): Promise<Loan> {
    return (await this.giveBack(caller, loanId)).loan;
  }

  /** The return, with where the copy goes: to `nextHold`, decided in the return's own write, or the shelves. */
  async giveBack(caller: Caller | null, loanId: string): Promise<ReturnedLoan> {
    if (!caller) throw new NotSignedIn('Sign in to return a loan.');
    let nextHold: NextHold | null = null;
    const { aggregate: loan } = await changeOnce(loanIn(this.open, loanId, caller), async (loan, stores) => {
      if (!mayActFor(caller, loan.memberId)) throw new NotYourLoan();
      if (!loan.isOut()) throw new LoanAlreadyReturned();
      nextHold = await nextInQueue(stores, loan.bookId);
      loan.giveBack(nextHold, this.clock());
      return true;
    });
    if (!loan) throw new UnknownLoan(loanId);
    return { loan, nextHold };
  }
}

/** A loan given back, and the hold its copy was routed to (null: back on the shelves). */
export interface ReturnedLoan {
  readonly loan: Loan;
  readonly nextHold: NextHold | null;
}
