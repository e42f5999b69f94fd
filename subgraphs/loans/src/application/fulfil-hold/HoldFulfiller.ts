import { changeOnce, type Clock } from '@shelfmark/subgraph-kit';
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

  async fulfil(loan: BorrowedCopy, causedBy: { readonly eventId: string }): Promise<boolean> {
    const { outcome } = await changeOnce(
      {
        open: this.open,
        load: ({ holds }) =>
          loan.holdId ? holds.byId(loan.holdId) : holds.activeOf(loan.memberId, loan.bookId),
        save: ({ holds }, hold) => holds.save(hold),
      },
      (hold) => hold.fulfil(loan.loanId, this.clock()),
      causedBy.eventId,
    );
    return outcome === 'changed';
  }
}
