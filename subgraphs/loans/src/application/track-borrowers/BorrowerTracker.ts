import { retryOnConflict } from '@shelfmark/subgraph-kit';
import { Borrower } from '../../domain';
import type { OpenStores } from '../CirculationStores';

export type BorrowerChange =
  | { readonly kind: 'registered' }
  | { readonly kind: 'blocked'; readonly reason: string }
  | { readonly kind: 'unblocked' }
  | { readonly kind: 'loan-ended'; readonly loanId: string };

/**
 * Keeps loans' Borrower of each member current from events: registrations and blocks from
 * members, returned loans from loans itself (freeing their slot). Each change is applied once:
 * the event id is remembered on the borrower in the same write.
 */
export class BorrowerTracker {
  constructor(private readonly open: OpenStores) {}

  apply(memberId: string, change: BorrowerChange, causedBy: { readonly eventId: string }): Promise<boolean> {
    return retryOnConflict(async () => {
      const { borrowers } = this.open();
      const borrower = (await borrowers.byId(memberId)) ?? Borrower.of(memberId);
      if (borrower.hasHandled(causedBy.eventId)) return false;
      switch (change.kind) {
        case 'registered':
          break;
        case 'blocked':
          borrower.block(change.reason);
          break;
        case 'unblocked':
          borrower.unblock();
          break;
        case 'loan-ended':
          borrower.loanEnded(change.loanId);
          break;
      }
      borrower.markHandled(causedBy.eventId);
      await borrowers.save(borrower);
      return true;
    });
  }
}
