import type { Clock } from '@shelfmark/subgraph-kit';
import { addDays, type CirculationRules } from '../../domain';
import { changeEach, type OpenStores } from '../CirculationStores';

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
    const reminded = await changeEach(soon, async (id) => {
      const { loans } = this.open();
      const loan = await loans.byId(id);
      if (!loan?.remindIfDueSoon(this.rules, now)) return false;
      await loans.save(loan);
      return true;
    });
    return { reminded };
  }
}
