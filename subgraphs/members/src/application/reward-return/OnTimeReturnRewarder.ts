import { changeMemberOnce, type FreshMembers } from '../changeMember';

export interface RewarderOptions {
  /** Points for a loan returned by its due date (docs/design.md §2: 1). */
  readonly points: number;
  readonly clock: () => Date;
}

/** `not-rewarded`: this loan was rewarded already (another event about it), or the reward is 0. */
export type RewardOutcome = 'rewarded' | 'not-rewarded' | 'already-handled';

/**
 * Rewards a member for returning a loan on time. Once per loan: the inbox recognises a
 * redelivered event, the ledger (one entry per loan) any other event about the same loan.
 */
export class OnTimeReturnRewarder {
  constructor(
    private readonly members: FreshMembers,
    private readonly options: RewarderOptions,
  ) {}

  async reward(
    { memberId, loanId }: { readonly memberId: string; readonly loanId: string },
    causedBy: { readonly eventId: string },
  ): Promise<RewardOutcome> {
    const { outcome } = await changeMemberOnce(
      this.members,
      memberId,
      (member) => member.rewardOnTimeReturn(loanId, this.options.points, this.options.clock()),
      causedBy.eventId,
    );
    if (outcome === 'changed') return 'rewarded';
    return outcome === 'already-handled' ? outcome : 'not-rewarded';
  }
}
