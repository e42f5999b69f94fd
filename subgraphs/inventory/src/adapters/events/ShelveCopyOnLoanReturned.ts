import type { Consumer, Logger, ShelfmarkEvent } from '@shelfmark/events';
import type { CopyChanger } from '../../application/change-copy/CopyChanger';

type LoanReturned = 'shelfmark.loans.loan-returned.v1';

/**
 * A copy came back: to the hold shelf for the hold loans named (`nextHold`), or to the shelves.
 * Only the copy's current loan moves it; a return of any other loan changes nothing.
 */
export class ShelveCopyOnLoanReturned implements Consumer<LoanReturned> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'ShelveCopyOnLoanReturned';
  readonly types = ['shelfmark.loans.loan-returned.v1'] as const;

  constructor(
    private readonly changer: CopyChanger,
    private readonly logger: Logger,
  ) {}

  async handle(event: ShelfmarkEvent<LoanReturned>): Promise<void> {
    const { loanId, copyId, nextHold } = event.data;
    const outcome = await this.changer.change(
      copyId,
      (copy, now) => copy.shelveAfterReturn(loanId, nextHold, now),
      event.id,
    );
    this.logger.debug({ eventId: event.id, copyId, loanId, outcome }, 'loan-returned applied');
  }
}
