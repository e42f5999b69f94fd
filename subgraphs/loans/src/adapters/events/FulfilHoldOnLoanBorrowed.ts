import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { HoldFulfiller } from '../../application/fulfil-hold/HoldFulfiller';

type LoanBorrowed = 'shelfmark.loans.loan-borrowed.v1';

/** A member borrowed a book they held: their hold is fulfilled. */
export class FulfilHoldOnLoanBorrowed implements Consumer<LoanBorrowed> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'FulfilHoldOnLoanBorrowed';
  readonly types = ['shelfmark.loans.loan-borrowed.v1'] as const;

  constructor(private readonly fulfiller: HoldFulfiller) {}

  async handle(event: ShelfmarkEvent<LoanBorrowed>): Promise<void> {
    await this.fulfiller.fulfil(event.data, { eventId: event.id });
  }
}
