import { changeEach, holdIn, type OpenStores } from '../CirculationStores';
import { deadBefore, type SagaTiming } from '../recover-borrows/BorrowRecovery';

/** How many holds one query fetches; a pass goes on until none is left. */
const BATCH = 100;

/**
 * Abandons holds whose placement a crash interrupted (unconfirmed for longer than the saga timeout,
 * or placed by a process that is gone, see {@link SagaTiming}): `hold-abandoned` makes members
 * refund the points, if it took them.
 */
export class HoldRecovery {
  readonly name = 'recover-interrupted-holds';

  constructor(
    private readonly open: OpenStores,
    private readonly options: SagaTiming,
  ) {}

  async run(now: Date = this.options.clock()): Promise<{ abandoned: number }> {
    const staleBefore = deadBefore(this.options, now);
    let abandoned = 0;
    // Every hold abandoned here leaves the query's result, so each batch brings new ones.
    for (;;) {
      const stuck = await this.open().holds.unconfirmedBefore(staleBefore, BATCH);
      abandoned += await changeEach(
        stuck,
        (id) => holdIn(this.open, id),
        (hold) => hold.abandon(now),
      );
      if (stuck.length < BATCH) return { abandoned };
    }
  }
}
