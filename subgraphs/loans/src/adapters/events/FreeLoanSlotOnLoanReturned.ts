import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { BorrowerTracker } from '../../application/track-borrowers/BorrowerTracker';

type LoanReturned = 'shelfmark.loans.loan-returned.v1';

/** A returned loan no longer counts against its borrower's loan limit. */
export class FreeLoanSlotOnLoanReturned implements Consumer<LoanReturned> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'FreeLoanSlotOnLoanReturned';
  readonly types = ['shelfmark.loans.loan-returned.v1'] as const;

  constructor(private readonly borrowers: BorrowerTracker) {}

  async handle(event: ShelfmarkEvent<LoanReturned>): Promise<void> {
    const { memberId, loanId } = event.data;
    await this.borrowers.apply(memberId, { kind: 'loan-ended', loanId }, { eventId: event.id });
  }
}
