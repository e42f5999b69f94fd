import type { MikroORM } from '@mikro-orm/core';
import type { Consumer, ShelfmarkEvent } from '@shelfmark/events';
import {
  OnTimeReturnRewarder,
  type RewarderOptions,
} from '../../application/reward-return/OnTimeReturnRewarder';
import { MikroOrmMemberRepository } from '../persistence/MikroOrmMemberRepository';

type LoanReturned = 'shelfmark.loans.loan-returned.v1';

/**
 * A loan came back by its due date (docs/design.md §2): the member earns points for it, once per loan.
 * A late return is not the members context's business: nothing is read or written for it.
 */
export class RewardOnTimeReturnOnLoanReturned implements Consumer<LoanReturned> {
  readonly name = 'RewardOnTimeReturnOnLoanReturned';
  readonly types = ['shelfmark.loans.loan-returned.v1'] as const;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: RewarderOptions,
  ) {}

  async handle(event: ShelfmarkEvent<LoanReturned>): Promise<void> {
    if (!event.data.onTime) return;
    const rewarder = new OnTimeReturnRewarder(
      () => new MikroOrmMemberRepository(this.orm.em.fork()),
      this.options,
    );
    await rewarder.reward(
      { memberId: event.data.memberId, loanId: event.data.loanId },
      { eventId: event.id },
    );
  }
}
