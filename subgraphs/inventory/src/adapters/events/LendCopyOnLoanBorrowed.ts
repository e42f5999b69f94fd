import type { Consumer, Logger, ShelfmarkEvent } from '@shelfmark/events';
import type { CopyChanger } from '../../application/change-copy/CopyChanger';
import type { LendOutcome } from '../../domain';

type LoanBorrowed = 'shelfmark.loans.loan-borrowed.v1';

/**
 * Loans confirmed a loan: the copy reserved for its borrow is now out on that loan. A loan of a
 * copy that was not reserved for it is still applied (loans decides who has a copy) and logged
 * as a warning: it means a borrow went round inventory's reservation.
 */
export class LendCopyOnLoanBorrowed implements Consumer<LoanBorrowed> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'LendCopyOnLoanBorrowed';
  readonly types = ['shelfmark.loans.loan-borrowed.v1'] as const;

  constructor(
    private readonly changer: CopyChanger,
    private readonly logger: Logger,
  ) {}

  async handle(event: ShelfmarkEvent<LoanBorrowed>): Promise<void> {
    const { loanId, borrowId, copyId } = event.data;
    let lent = 'already-lent' as LendOutcome;
    let before: object = {};
    const outcome = await this.changer.change(
      copyId,
      (copy, now) => {
        before = { status: copy.status, reservedFor: copy.reservedFor, loanId: copy.loanId };
        lent = copy.lend(loanId, borrowId, now);
        return lent !== 'already-lent';
      },
      event.id,
    );
    if (outcome === 'changed' && lent === 'unexpected') {
      this.logger.warn(
        { eventId: event.id, copyId, loanId, borrowId, before },
        'loan confirmed for a copy not reserved for its borrow; copy set ON_LOAN',
      );
    }
    this.logger.debug({ eventId: event.id, copyId, loanId, outcome, lent }, 'loan-borrowed applied');
  }
}
