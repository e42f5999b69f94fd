import { recordSagaOutcome } from '@shelfmark/events';
import type { Clock } from '@shelfmark/subgraph-kit';
import { BorrowStatus } from '../../domain';
import type { OpenStores } from '../CirculationStores';
import type { BookBorrower } from '../borrow-books/BookBorrower';

export interface RecoveryOutcome {
  readonly compensated: number;
  readonly completed: number;
}

/** When recovery takes an unfinished borrow or hold placement for dead. */
export interface SagaTiming {
  readonly clock: Clock;
  /** Unfinished for longer than this, a request is dead, whichever process started it. */
  readonly sagaTimeoutMs: number;
  /**
   * Set when no request outlives the process that started it (one loans process): a request
   * started before this instant died with an earlier process and is recovered at once.
   */
  readonly orphanedBefore?: Date;
}

/** The instant before which an unfinished saga is dead, as `timing` tells it at `now`. */
export function deadBefore(timing: SagaTiming, now: Date): Date {
  const timedOut = now.getTime() - timing.sagaTimeoutMs;
  return new Date(Math.max(timedOut, timing.orphanedBefore?.getTime() ?? timedOut));
}

/** How many requests one query fetches; a pass goes on until none is left. */
const BATCH = 100;

/**
 * Finishes what a crash interrupted (a scheduled job; it also runs at start-up, before anyone is
 * served). A request is dead once it is unfinished for longer than the saga timeout, or, when it
 * was started by a process that is gone ({@link SagaTiming.orphanedBefore}), at once: STARTED ones
 * are compensated (inventory releases whatever it may have reserved), RESERVED ones are completed
 * (their copies are theirs).
 */
export class BorrowRecovery {
  readonly name = 'recover-interrupted-borrows';

  constructor(
    private readonly open: OpenStores,
    private readonly borrower: BookBorrower,
    private readonly options: SagaTiming,
  ) {}

  async run(now: Date = this.options.clock()): Promise<RecoveryOutcome> {
    const staleBefore = deadBefore(this.options, now);
    let compensated = 0;
    let completed = 0;
    // Every request settled here leaves the query's result, so each batch brings new ones.
    for (;;) {
      const stuck = await this.open().borrows.unfinishedBefore(staleBefore, BATCH);
      for (const request of stuck) {
        if (request.status === BorrowStatus.STARTED) {
          await this.borrower.cancel(request.id, 'interrupted before its copies were reserved', true);
          compensated += 1;
          recordSagaOutcome('borrow', 'compensated');
        } else {
          await this.borrower.goForward(request.id);
          completed += 1;
          recordSagaOutcome('borrow', 'recovered');
        }
      }
      if (stuck.length < BATCH) return { compensated, completed };
    }
  }
}
