import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import type { OnTimeReturnRewarder } from '../../application/reward-return/OnTimeReturnRewarder';

type LoanReturned = 'shelfmark.loans.loan-returned.v1';

/**
 * A loan came back by its due date (docs/design.md §2): the member earns points for it, once per loan.
 * A late return is not the members context's business: nothing is read or written for it.
 */
export class RewardOnTimeReturnOnLoanReturned implements Consumer<LoanReturned> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'RewardOnTimeReturnOnLoanReturned';
  readonly types = ['shelfmark.loans.loan-returned.v1'] as const;

  constructor(private readonly rewarder: OnTimeReturnRewarder) {}

  async handle(event: ShelfmarkEvent<LoanReturned>): Promise<void> {
    if (!event.data.onTime) return;
    await this.rewarder.reward(
      { memberId: event.data.memberId, loanId: event.data.loanId },
      { eventId: event.id },
    );
  }
}
