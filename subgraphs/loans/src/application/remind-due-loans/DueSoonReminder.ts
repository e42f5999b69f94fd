import type { Clock } from '@shelfmark/subgraph-kit';
import { addDays, type CirculationRules } from '../../domain';
import { changeEach, loanIn, type OpenStores } from '../CirculationStores';

/** The due-soon job: one `loan-due-soon` per due date, `dueSoonDays` before it. */
export class DueSoonReminder {
  readonly name = 'remind-loans-due-soon';

  constructor(
    private readonly open: OpenStores,
    private readonly rules: CirculationRules,
    private readonly clock: Clock,
  ) {}

  async run(now: Date = this.clock()): Promise<{ reminded: number }> {
    const soon = await this.open().loans.activeDueBy(addDays(now, this.rules.dueSoonDays), 1000);
    const reminded = await changeEach(
      soon,
      (id) => loanIn(this.open, id),
      (loan) => loan.remindIfDueSoon(this.rules, now),
    );
    return { reminded };
  }
}
