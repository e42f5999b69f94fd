import { InvalidInput } from '@shelfmark/errors';
import {
  LoanLimitReached,
  readBarcode,
  readCardNumber,
  UnknownCard,
  type CirculationRules,
  type Loan,
} from '../../domain';
import type { BookBorrower } from '../borrow-books/BookBorrower';
import { deskStaff, type Caller, type OpenStores } from '../CirculationStores';

/**
 * checkOut at the desk: a librarian lends the copies they scan to the member whose card they
 * scan. The member is found by the card number loans learnt from `member-card-issued` (its
 * Borrower), with no call to members; the copies are reserved by barcode in inventory. From there
 * it is the borrow saga itself ({@link BookBorrower}): the same rules (block, overdue loan, loan
 * limit), all or nothing, the same events (`loan-borrowed`, …), so everything downstream follows.
 */
export class CopyCheckOut {
  constructor(
    private readonly open: OpenStores,
    private readonly borrower: BookBorrower,
    private readonly rules: CirculationRules,
  ) {}

  async checkOut(caller: Caller | null, cardNumber: string, barcodes: readonly string[]): Promise<Loan[]> {
    const staff = await deskStaff(this.open(), caller);
    const card = readCardNumber(cardNumber);
    const copies = distinctBarcodes(barcodes);
    if (copies.length > this.rules.maxActiveLoans) {
      throw new LoanLimitReached(this.rules.maxActiveLoans, 0, copies.length, 'STAFF');
    }
    const member = await this.open().borrowers.byCardNumber(card);
    if (!member) throw new UnknownCard(card);
    return this.borrower.lendCopies(staff, member.memberId, copies);
  }
}

/** The copies of one checkOut, read as inventory stores barcodes: at least one, each once. */
function distinctBarcodes(barcodes: readonly string[]): string[] {
  if (barcodes.length === 0) throw new InvalidInput('barcodes', 'Scan at least one copy to lend.');
  const read = barcodes.map((barcode) => readBarcode(barcode, 'barcodes'));
  const twice = read.find((barcode, index) => read.indexOf(barcode) !== index);
  if (twice !== undefined) {
    throw new InvalidInput(
      'barcodes',
      `The copy ${twice} is scanned more than once; each copy is lent once.`,
    );
  }
  return read;
}
