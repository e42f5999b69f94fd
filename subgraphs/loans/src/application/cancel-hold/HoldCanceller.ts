import { NotSignedIn } from '@shelfmark/errors';
import { changeOnce, type Clock } from '@shelfmark/subgraph-kit';
import { HoldStatus, NotYourHold, UnknownHold, type Hold } from '../../domain';
import { holdIn, mayActFor, nextInQueue, type Caller, type OpenStores } from '../CirculationStores';

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

  async cancel(caller: Caller | null, holdId: string): Promise<Hold> {
    if (!caller) throw new NotSignedIn('Sign in to cancel a hold.');
    const { aggregate: hold } = await changeOnce(holdIn(this.open, holdId, caller), async (hold, stores) => {
      if (!hold.confirmed) throw new UnknownHold(holdId);
      if (!mayActFor(caller, hold.memberId)) throw new NotYourHold();
      const next = hold.status === HoldStatus.READY ? await nextInQueue(stores, hold.bookId, hold.id) : null;
      hold.cancel(next, this.clock());
      return true;
    });
    if (!hold) throw new UnknownHold(holdId);
    return hold;
  }
}
