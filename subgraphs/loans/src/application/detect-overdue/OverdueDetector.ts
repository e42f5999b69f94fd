import type { Clock } from '@shelfmark/subgraph-kit';
import { changeEach, loanIn, type OpenStores } from '../CirculationStores';

/** The overdue job: ACTIVE loans past their due date become OVERDUE and are announced (`loan-overdue`). */
export class OverdueDetector {
  readonly name = 'detect-overdue-loans';

  constructor(
    private readonly open: OpenStores,
    private readonly clock: Clock,
  ) {}

  async run(now: Date = this.clock()): Promise<{ overdue: number }> {
    const late = await this.open().loans.activeDueBy(now, 500);
    const overdue = await changeEach(
      late,
      (id) => loanIn(this.open, id),
      (loan) => loan.markOverdue(now),
    );
    return { overdue };
  }
}
