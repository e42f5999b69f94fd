import { changeOnce, type Clock } from '@shelfmark/subgraph-kit';
import { HoldStatus, UnknownHold, type CirculationRules } from '../../domain';
import { holdIn, nextInQueue, type OpenStores } from '../CirculationStores';

export type RouteOutcome = 'ready' | 'already-ready' | 'passed-on' | 'already-handled';

/**
 * A copy was routed to a hold (a return, a cancelled or expired hold passing its copy on): the hold
 * becomes READY with a pickup window (`hold-ready`). If it left the queue meanwhile, the copy is
 * passed on to the next in line (`hold-passed-on`), so no copy is ever stranded on the hold shelf.
 */
export class HoldRouter {
  constructor(
    private readonly open: OpenStores,
    private readonly rules: CirculationRules,
    private readonly clock: Clock,
  ) {}

  async route(holdId: string, copyId: string, causedBy: { readonly eventId: string }): Promise<RouteOutcome> {
    let routed = 'ready' as RouteOutcome;
    // Written whatever it decides (already-ready too): the hold remembers the event.
    const changed = await changeOnce(
      holdIn(this.open, holdId),
      async (hold, stores) => {
        const now = this.clock();
        if (hold.isWaiting()) {
          hold.makeReady(copyId, this.rules, now);
          routed = 'ready';
        } else if (hold.status === HoldStatus.READY && hold.copyId === copyId) {
          routed = 'already-ready';
        } else {
          hold.passOn(copyId, await nextInQueue(stores, hold.bookId, hold.id), now);
          routed = 'passed-on';
        }
        return true;
      },
      causedBy.eventId,
    );
    if (changed.outcome === 'not-found') throw new UnknownHold(holdId);
    return changed.outcome === 'already-handled' ? changed.outcome : routed;
  }
}
