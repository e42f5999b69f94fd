import { NotSignedIn } from '@shelfmark/errors';
import { retryOnConflict, type Clock } from '@shelfmark/subgraph-kit';
import { HoldStatus, NotYourHold, UnknownHold, type Hold } from '../../domain';
import { knownCaller, mayActFor, nextInQueue, type Caller, type OpenStores } from '../CirculationStores';

/**
 * cancelHold: the hold ends, members refunds its points (from `hold-cancelled`), and a copy kept
 * for it on the hold shelf goes to the next in the queue. The hold's version lock makes parallel
 * cancels of one hold end it once: the losers find it cancelled and are refused.
 */
export class HoldCanceller {
  constructor(
    private readonly open: OpenStores,
    private readonly clock: Clock,
  ) {}

  cancel(caller: Caller | null, holdId: string): Promise<Hold> {
    if (!caller) throw new NotSignedIn('Sign in to cancel a hold.');
    return retryOnConflict(async () => {
      const stores = this.open();
      await knownCaller(stores, caller);
      const hold = await stores.holds.byId(holdId);
      if (!hold?.confirmed) throw new UnknownHold(holdId);
      if (!mayActFor(caller, hold.memberId)) throw new NotYourHold();
      const next = hold.status === HoldStatus.READY ? await nextInQueue(stores, hold.bookId, hold.id) : null;
      hold.cancel(next, this.clock());
      await stores.holds.save(hold);
      return hold;
    });
  }
}
