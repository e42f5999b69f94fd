import { retryOnConflict, type Clock } from '@shelfmark/subgraph-kit';
import { HoldStatus, UnknownHold, type CirculationRules } from '../../domain';
import { nextInQueue, type OpenStores } from '../CirculationStores';

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

  route(holdId: string, copyId: string, causedBy: { readonly eventId: string }): Promise<RouteOutcome> {
    return retryOnConflict(async () => {
      const stores = this.open();
      const hold = await stores.holds.byId(holdId);
      if (!hold) throw new UnknownHold(holdId);
      if (hold.hasHandled(causedBy.eventId)) return 'already-handled';
      const now = this.clock();
      let outcome: RouteOutcome;
      if (hold.isWaiting()) {
        hold.makeReady(copyId, this.rules, now);
        outcome = 'ready';
      } else if (hold.status === HoldStatus.READY && hold.copyId === copyId) {
        outcome = 'already-ready';
      } else {
        hold.passOn(copyId, await nextInQueue(stores, hold.bookId, hold.id), now);
        outcome = 'passed-on';
      }
      hold.markHandled(causedBy.eventId);
      await stores.holds.save(hold);
      return outcome;
    });
  }
}
