import type { Clock } from '@shelfmark/subgraph-kit';
import { BorrowStatus } from '../../domain';
import type { OpenStores } from '../CirculationStores';
import type { BookBorrower } from './BookBorrower';

export interface RecoveryOutcome {
  readonly compensated: number;
  readonly completed: number;
}

/**
 * Finishes what a crash interrupted (a scheduled job; it also runs at start-up). A request
 * unfinished for longer than the saga timeout is dead: STARTED ones are compensated (inventory
 * releases whatever it may have reserved), RESERVED ones are completed (their copies are theirs).
 */
export class BorrowRecovery {
  readonly name = 'recover-interrupted-borrows';

  constructor(
    private readonly open: OpenStores,
    private readonly borrower: BookBorrower,
    private readonly options: { readonly clock: Clock; readonly sagaTimeoutMs: number },
  ) {}

  async run(now: Date = this.options.clock()): Promise<RecoveryOutcome> {
    const staleBefore = new Date(now.getTime() - this.options.sagaTimeoutMs);
    const stuck = await this.open().borrows.unfinishedBefore(staleBefore, 100);
    let compensated = 0;
    let completed = 0;
    for (const request of stuck) {
      if (request.status === BorrowStatus.STARTED) {
        await this.borrower.cancel(request.id, 'interrupted before its copies were reserved', true);
        compensated += 1;
      } else {
        await this.borrower.goForward(request.id);
        completed += 1;
      }
    }
    return { compensated, completed };
  }
}
