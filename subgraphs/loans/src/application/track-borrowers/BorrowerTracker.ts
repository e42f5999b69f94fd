import { changeOnce } from '@shelfmark/subgraph-kit';
import { Borrower } from '../../domain';
import type { OpenStores } from '../CirculationStores';

export type BorrowerChange =
  | { readonly kind: 'registered' }
  | { readonly kind: 'blocked'; readonly reason: string }
  | { readonly kind: 'unblocked' }
  | { readonly kind: 'card-issued'; readonly cardNumber: string }
  | { readonly kind: 'loan-ended'; readonly loanId: string };

/**
 * Keeps loans' Borrower of each member current from events: registrations, cards and blocks from
 * members, returned loans from loans itself (freeing their slot). Each change is applied once:
 * the event id is remembered on the borrower in the same write.
 */
export class BorrowerTracker {
  constructor(private readonly open: OpenStores) {}

  async apply(
    memberId: string,
    change: BorrowerChange,
    causedBy: { readonly eventId: string },
  ): Promise<boolean> {
    const { outcome } = await changeOnce(
      {
        open: this.open,
        // A borrower loans has not heard of yet starts here (events may come in any order).
        load: async ({ borrowers }) => (await borrowers.byId(memberId)) ?? Borrower.of(memberId),
        save: ({ borrowers }, borrower) => borrowers.save(borrower),
      },
      (borrower) => {
        applyTo(borrower, change);
        return true;
      },
      causedBy.eventId,
    );
    return outcome === 'changed';
  }
}

function applyTo(borrower: Borrower, change: BorrowerChange): void {
  switch (change.kind) {
    case 'registered':
      break;
    case 'blocked':
      borrower.block(change.reason);
      break;
    case 'unblocked':
      borrower.unblock();
      break;
    case 'card-issued':
      borrower.cardIssued(change.cardNumber);
      break;
    case 'loan-ended':
      borrower.loanEnded(change.loanId);
      break;
  }
}
