import { NotSignedIn } from '@shelfmark/errors';
import { retryOnConflict, type Clock } from '@shelfmark/subgraph-kit';
import { NotYourLoan, UnknownLoan, type CirculationRules, type Loan } from '../../domain';
import { mayActFor, type Caller, type OpenStores } from '../CirculationStores';

/** renewLoan: one more loan period, unless the renewal limit is reached or someone waits for the book. */
export class LoanRenewer {
  constructor(
    private readonly open: OpenStores,
    private readonly rules: CirculationRules,
    private readonly clock: Clock,
  ) {}

  renew(caller: Caller | null, loanId: string): Promise<Loan> {
    if (!caller) throw new NotSignedIn('Sign in to renew a loan.');
    return retryOnConflict(async () => {
      const stores = this.open();
      const loan = await stores.loans.byId(loanId);
      if (!loan) throw new UnknownLoan(loanId);
      if (!mayActFor(caller, loan.memberId)) throw new NotYourLoan();
      const waiting = (await stores.holds.waitingFor([loan.bookId])).length;
      loan.renew(this.rules, waiting, this.clock());
      await stores.loans.save(loan);
      return loan;
    });
  }
}
