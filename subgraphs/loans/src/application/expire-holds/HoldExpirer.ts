import type { Clock } from '@shelfmark/subgraph-kit';
import { changeEach, holdIn, nextInQueue, type OpenStores } from '../CirculationStores';

/**
 * The hold-expiry job: a READY hold whose pickup window closed EXPIRES (its points are refunded by
 * members) and its copy goes to the next in the queue, or back on the shelves.
 */
export class HoldExpirer {
  readonly name = 'expire-uncollected-holds';

  constructor(
    private readonly open: OpenStores,
    private readonly clock: Clock,
  ) {}

  async run(now: Date = this.clock()): Promise<{ expired: number }> {
    const due = await this.open().holds.readyExpiredBy(now, 200);
    const expired = await changeEach(
      due,
      (id) => holdIn(this.open, id),
      async (hold, stores) => hold.expire(await nextInQueue(stores, hold.bookId, hold.id), now),
    );
    return { expired };
  }
}
