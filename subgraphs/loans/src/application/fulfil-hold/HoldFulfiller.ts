import { retryOnConflict, type Clock } from '@shelfmark/subgraph-kit';
import type { OpenStores } from '../CirculationStores';

export interface BorrowedCopy {
  readonly loanId: string;
  readonly memberId: string;
  readonly bookId: string;
  /** The hold whose copy was borrowed, when it came off the hold shelf. */
  readonly holdId: string | null;
}

/**
 * A member borrowed a book they held: the hold is FULFILLED (`hold-fulfilled`), whether its copy
 * came off the hold shelf or the member took a free copy while still waiting.
 */
export class HoldFulfiller {
  constructor(
    private readonly open: OpenStores,
    private readonly clock: Clock,
  ) {}

  fulfil(loan: BorrowedCopy, causedBy: { readonly eventId: string }): Promise<boolean> {
    return retryOnConflict(async () => {
      const { holds } = this.open();
      const hold = loan.holdId
        ? await holds.byId(loan.holdId)
        : await holds.activeOf(loan.memberId, loan.bookId);
      if (!hold || hold.hasHandled(causedBy.eventId)) return false;
      const changed = hold.fulfil(loan.loanId, this.clock());
      if (!changed) return false;
      hold.markHandled(causedBy.eventId);
      await holds.save(hold);
      return true;
    });
  }
}
