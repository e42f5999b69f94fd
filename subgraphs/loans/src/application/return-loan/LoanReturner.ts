import { NotSignedIn } from '@shelfmark/errors';
import { retryOnConflict, type Clock } from '@shelfmark/subgraph-kit';
import { LoanAlreadyReturned, NotYourLoan, UnknownLoan, type Loan } from '../../domain';
import { knownCaller, mayActFor, nextInQueue, type Caller, type OpenStores } from '../CirculationStores';

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

  return(caller: Caller | null, loanId: string): Promise<Loan> {
    if (!caller) throw new NotSignedIn('Sign in to return a loan.');
    return retryOnConflict(async () => {
      const stores = this.open();
      await knownCaller(stores, caller);
      const loan = await stores.loans.byId(loanId);
      if (!loan) throw new UnknownLoan(loanId);
      if (!mayActFor(caller, loan.memberId)) throw new NotYourLoan();
      if (!loan.isOut()) throw new LoanAlreadyReturned();
      loan.giveBack(await nextInQueue(stores, loan.bookId), this.clock());
      await stores.loans.save(loan);
      return loan;
    });
  }
}
