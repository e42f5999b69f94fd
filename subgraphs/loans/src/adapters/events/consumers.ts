import { defineConsumer, type Consumer, type Logger } from '@shelfmark/events';
import type { BorrowerTracker } from '../../application/track-borrowers/BorrowerTracker';
import type { BookRegistrar } from '../../application/register-book/BookRegistrar';
import type { HoldFulfiller } from '../../application/fulfil-hold/HoldFulfiller';
import type { HoldRouter } from '../../application/route-holds/HoldRouter';

export interface LoansConsumerDeps {
  readonly borrowers: BorrowerTracker;
  readonly books: BookRegistrar;
  readonly holds: HoldRouter;
  readonly fulfiller: HoldFulfiller;
  readonly logger: Logger;
}

/** Loans' reactions to events: each named for what it does on which event (its consumer group). */
export function loansConsumers(deps: LoansConsumerDeps): Consumer[] {
  const { borrowers, books, holds, fulfiller, logger } = deps;
  return [
    defineConsumer({
      name: 'RegisterBookOnBookAdded',
      types: ['shelfmark.catalogue.book-added.v1'],
      async handle(event) {
        await books.register(event.data.bookId, event.data.title);
      },
    }),
    defineConsumer({
      name: 'TrackBorrowerOnMemberEvents',
      types: [
        'shelfmark.members.member-registered.v1',
        'shelfmark.members.member-blocked.v1',
        'shelfmark.members.member-unblocked.v1',
      ],
      async handle(event) {
        const cause = { eventId: event.id };
        switch (event.type) {
          case 'shelfmark.members.member-registered.v1':
            await borrowers.apply(event.data.memberId, { kind: 'registered' }, cause);
            break;
          case 'shelfmark.members.member-blocked.v1':
            await borrowers.apply(event.data.memberId, { kind: 'blocked', reason: event.data.reason }, cause);
            break;
          case 'shelfmark.members.member-unblocked.v1':
            await borrowers.apply(event.data.memberId, { kind: 'unblocked' }, cause);
            break;
        }
      },
    }),
    defineConsumer({
      name: 'FreeLoanSlotOnLoanReturned',
      types: ['shelfmark.loans.loan-returned.v1'],
      async handle(event) {
        await borrowers.apply(
          event.data.memberId,
          { kind: 'loan-ended', loanId: event.data.loanId },
          { eventId: event.id },
        );
      },
    }),
    defineConsumer({
      name: 'FulfilHoldOnLoanBorrowed',
      types: ['shelfmark.loans.loan-borrowed.v1'],
      async handle(event) {
        await fulfiller.fulfil(event.data, { eventId: event.id });
      },
    }),
    defineConsumer({
      name: 'ServeNextHoldOnCopyFreed',
      types: [
        'shelfmark.loans.loan-returned.v1',
        'shelfmark.loans.hold-cancelled.v1',
        'shelfmark.loans.hold-expired.v1',
        'shelfmark.loans.hold-passed-on.v1',
      ],
      async handle(event) {
        const routed =
          event.type === 'shelfmark.loans.hold-cancelled.v1'
            ? event.data.copy && { copyId: event.data.copy.copyId, next: event.data.copy.nextHold }
            : { copyId: event.data.copyId, next: event.data.nextHold };
        if (!routed?.next) return;
        const outcome = await holds.route(routed.next.holdId, routed.copyId, { eventId: event.id });
        logger.debug({ eventId: event.id, holdId: routed.next.holdId, outcome }, 'copy routed to hold');
      },
    }),
  ];
}
