import { LoanAlreadyReturned, NoLoanOfCopy, readBarcode } from '../../domain';
import { deskStaff, type Caller, type OpenStores } from '../CirculationStores';
import type { LoanReturner, ReturnedLoan } from '../return-loan/LoanReturner';

/**
 * checkIn at the desk: a librarian scans a copy that came back. Its loan is found by the barcode
 * loans keeps on every loan (no call to inventory), and returned exactly as `returnLoan` by a
 * librarian returns it — the same write, the same `loan-returned`, so fines, points and the hold
 * queue follow unchanged. The answer says where the copy goes: the next hold in the book's queue
 * (chosen in that same write), or back on the shelves.
 */
export class CopyCheckIn {
  constructor(
    private readonly open: OpenStores,
    private readonly returner: LoanReturner,
  ) {}

  async checkIn(caller: Caller | null, barcode: string): Promise<ReturnedLoan> {
    const staff = await deskStaff(this.open(), caller);
    const copy = readBarcode(barcode, 'barcode');
    const loan = await this.open().loans.outByBarcode(copy);
    if (!loan) throw new NoLoanOfCopy(copy);
    try {
      return await this.returner.giveBack(staff, loan.id);
    } catch (error) {
      // Checked in at another desk (or returned online) a moment ago.
      if (error instanceof LoanAlreadyReturned) throw new NoLoanOfCopy(copy);
      throw error;
    }
  }
}
