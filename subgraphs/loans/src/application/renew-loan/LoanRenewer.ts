import { NotSignedIn } from '@shelfmark/errors';
import { changeOnce, type Clock } from '@shelfmark/subgraph-kit';
import {
  BorrowerStatus,
  MemberBlocked,
  NotYourLoan,
  UnknownLoan,
  type CirculationRules,
  type Loan,
} from '../../domain';
import { loanIn, mayActFor, type Caller, type OpenStores } from '../CirculationStores';

/**
 * renewLoan: one more loan period, unless the renewal limit is reached, someone waits for the
 * book, or the borrower is blocked (a renewal is more time with the book: borrowing, which a block
 * stops; docs/adr/0010-who-may-act.md).
 */
export class LoanRenewer {
  constructor(
    private readonly open: OpenStores,
    private readonly rules: CirculationRules,
    private readonly clock: Clock,
  ) {}

  async renew(caller: Caller | null, loanId: string): Promise<Loan> {
    if (!caller) throw new NotSignedIn('Sign in to renew a loan.');
    const { aggregate: renewed } = await changeOnce(
      loanIn(this.open, loanId, caller),
      async (loan, stores) => {
        if (!mayActFor(caller, loan.memberId)) throw new NotYourLoan();
        const borrower = await stores.borrowers.byId(loan.memberId);
        if (borrower?.status === BorrowerStatus.BLOCKED) {
          throw new MemberBlocked(
            'This membership is blocked, so the loan cannot be renewed. Please return the book or speak to a librarian.',
          );
        }
        const waiting = (await stores.holds.waitingFor([loan.bookId])).length;
        loan.renew(this.rules, waiting, this.clock());
        return true;
      },
    );
    if (!renewed) throw new UnknownLoan(loanId);
    return renewed;
  }
}
