import type { Consumer } from '@shelfmark/events';
import {
  buildFederatedSchema,
  byId,
  groupedBy,
  PeerClient,
  type SubgraphDefinition,
  type SubgraphRuntime,
} from '@shelfmark/subgraph-kit';
import { BookBorrower } from './application/borrow-books/BookBorrower';
import { BorrowRecovery } from './application/recover-borrows/BorrowRecovery';
import { HoldCanceller } from './application/cancel-hold/HoldCanceller';
import { CopyCheckIn } from './application/check-in/CopyCheckIn';
import { CopyCheckOut } from './application/check-out/CopyCheckOut';
import { HoldFulfiller } from './application/fulfil-hold/HoldFulfiller';
import { HoldPlacer } from './application/place-hold/HoldPlacer';
import { HoldRecovery } from './application/recover-holds/HoldRecovery';
import { CirculationReader } from './application/read-circulation/CirculationReader';
import { StandingReader } from './application/read-standing/StandingReader';
import { BookRegistrar } from './application/register-book/BookRegistrar';
import { DueSoonReminder } from './application/remind-due-loans/DueSoonReminder';
import { OverdueDetector } from './application/detect-overdue/OverdueDetector';
import { LoanRenewer } from './application/renew-loan/LoanRenewer';
import { LoanReturner } from './application/return-loan/LoanReturner';
import { HoldExpirer } from './application/expire-holds/HoldExpirer';
import { HoldRouter } from './application/route-holds/HoldRouter';
import { BorrowerTracker } from './application/track-borrowers/BorrowerTracker';
import { FreeLoanSlotOnLoanReturned } from './adapters/events/FreeLoanSlotOnLoanReturned';
import { FulfilHoldOnLoanBorrowed } from './adapters/events/FulfilHoldOnLoanBorrowed';
import { RegisterBookOnBookAdded } from './adapters/events/RegisterBookOnBookAdded';
import { ServeNextHoldOnCopyFreed } from './adapters/events/ServeNextHoldOnCopyFreed';
import { TrackBorrowerOnMemberEvents } from './adapters/events/TrackBorrowerOnMemberEvents';
import { BookResolver } from './adapters/graphql/book.resolver';
import { BookReference } from './adapters/graphql/book.type';
import { CopyRoutingResolver } from './adapters/graphql/check-in.resolver';
import { CirculationResolver } from './adapters/graphql/circulation.resolver';
import { CopyReference } from './adapters/graphql/copy.type';
import {
  callerOf,
  memberRecordsLoader,
  type CirculationUseCases,
  type LoansContext,
} from './adapters/graphql/context';
import { HoldResolver } from './adapters/graphql/hold.resolver';
import { HoldType } from './adapters/graphql/hold.type';
import { LoanResolver } from './adapters/graphql/loan.resolver';
import { LoanType } from './adapters/graphql/loan.type';
import { MemberResolver } from './adapters/graphql/member.resolver';
import { MemberReference } from './adapters/graphql/member.type';
import { InventoryCopyReservations } from './adapters/peers/InventoryCopyReservations';
import { MembersPointsAccount } from './adapters/peers/MembersPointsAccount';
import { BorrowerSchema } from './adapters/persistence/borrower.schema';
import { BorrowRequestSchema } from './adapters/persistence/borrow-request.schema';
import { HoldSchema } from './adapters/persistence/hold.schema';
import { KnownBookSchema } from './adapters/persistence/known-book.schema';
import { LoanSchema } from './adapters/persistence/loan.schema';
import { MikroOrmBorrowerRepository } from './adapters/persistence/MikroOrmBorrowerRepository';
import { MikroOrmHoldRepository } from './adapters/persistence/MikroOrmHoldRepository';
import { MikroOrmLoanRepository } from './adapters/persistence/MikroOrmLoanRepository';
import { mikroOrmStores } from './adapters/persistence/stores';
import type { HoldStatus, LoanStatus } from './domain';
import { resolveLoansSettings, type LoansSettings } from './settings';

/**
 * The loans context: who has which copy (loans) and who waits for which book (holds). It
 * orchestrates the borrow saga, calling inventory (reserve copies) and members (take a hold's
 * points) synchronously behind timeouts and circuit breakers; everything else it learns from events.
 */
export function loansSubgraph(settings: LoansSettings = {}): SubgraphDefinition<LoansContext> {
  const config = resolveLoansSettings(settings);
  // Built once per runtime: use cases open their own units of work; the breakers keep their state.
  let wired:
    { runtime: SubgraphRuntime; use: CirculationUseCases; jobs: Jobs; consumers: Consumer[] } | undefined;
  type Jobs = [BorrowRecovery, HoldRecovery, OverdueDetector, DueSoonReminder, HoldExpirer];

  const wire = (runtime: SubgraphRuntime) => {
    if (wired?.runtime === runtime) return wired;
    const open = mikroOrmStores(runtime.orm);
    const { clock } = runtime;
    const peer = (name: string) =>
      new PeerClient({ name, directory: runtime.peers, timeoutMs: config.peerTimeoutMs });
    const borrowBooks = new BookBorrower(
      open,
      new InventoryCopyReservations(peer('inventory')),
      config.rules,
      {
        clock,
        reservationTimeoutMs: config.peerTimeoutMs,
        sagaTimeoutMs: config.sagaTimeoutMs,
        ...(config.borrowProbe ? { probe: config.borrowProbe } : {}),
      },
    );
    const sagaTiming = {
      clock,
      sagaTimeoutMs: config.sagaTimeoutMs,
      // Alone on its database, this process started every live saga itself: older ones are orphans.
      ...(config.inFlightDiesWithProcess ? { orphanedBefore: clock() } : {}),
    };
    const borrowers = new BorrowerTracker(open);
    const returnLoan = new LoanReturner(open, clock);
    wired = {
      runtime,
      use: {
        borrowBooks,
        returnLoan,
        renewLoan: new LoanRenewer(open, config.rules, clock),
        placeHold: new HoldPlacer(open, new MembersPointsAccount(peer('members')), config.rules, {
          clock,
          pointsTimeoutMs: config.peerTimeoutMs,
        }),
        cancelHold: new HoldCanceller(open, clock),
        checkOut: new CopyCheckOut(open, borrowBooks, config.rules),
        checkIn: new CopyCheckIn(open, returnLoan),
      },
      // Recovery first: a restart finishes or compensates what a crash interrupted.
      jobs: [
        new BorrowRecovery(open, borrowBooks, sagaTiming),
        new HoldRecovery(open, sagaTiming),
        new OverdueDetector(open, clock),
        new DueSoonReminder(open, config.rules, clock),
        new HoldExpirer(open, clock),
      ],
      consumers: [
        new RegisterBookOnBookAdded(new BookRegistrar(open)),
        new TrackBorrowerOnMemberEvents(borrowers),
        new FreeLoanSlotOnLoanReturned(borrowers),
        new FulfilHoldOnLoanBorrowed(new HoldFulfiller(open, clock)),
        new ServeNextHoldOnCopyFreed(new HoldRouter(open, config.rules, clock), runtime.logger),
      ],
    };
    return wired;
  };

  return {
    name: 'loans',
    entities: [LoanSchema, HoldSchema, BorrowerSchema, BorrowRequestSchema, KnownBookSchema],
    aggregates: [LoanSchema, HoldSchema, BorrowRequestSchema],
    schema: () =>
      buildFederatedSchema({
        resolvers: [
          CirculationResolver,
          LoanResolver,
          HoldResolver,
          MemberResolver,
          BookResolver,
          CopyRoutingResolver,
        ],
        // Entity stubs the router reaches through references.
        orphanedTypes: [LoanType, HoldType, MemberReference, BookReference, CopyReference],
        referenceResolvers: {
          Loan: { __resolveReference: (ref: { id: string }, ctx: LoansContext) => ctx.loanById.load(ref.id) },
          Hold: { __resolveReference: (ref: { id: string }, ctx: LoansContext) => ctx.holdById.load(ref.id) },
        },
      }),
    context(base, runtime) {
      const loans = new MikroOrmLoanRepository(base.em);
      const holds = new MikroOrmHoldRepository(base.em);
      const borrowers = new MikroOrmBorrowerRepository(base.em);
      const borrowerById = byId(
        (ids) => borrowers.byIds(ids),
        (borrower) => borrower.memberId,
      );
      const overdue = byId(
        (ids) => loans.withOverdue(ids, runtime.clock()),
        (memberId) => memberId,
        (found) => found !== null,
      );
      const loansOf = memberRecordsLoader((memberIds, status: LoanStatus | null) =>
        loans.ofMembers(memberIds, status),
      );
      const holdsOf = memberRecordsLoader((memberIds, status: HoldStatus | null) =>
        holds.ofMembers(memberIds, status),
      );
      return {
        ...base,
        use: wire(runtime).use,
        caller: callerOf(base),
        circulation: new CirculationReader(
          (memberId, status) => loansOf.load({ memberId, status }),
          (memberId, status) => holdsOf.load({ memberId, status }),
          loans,
        ),
        standing: new StandingReader(
          (memberId) => borrowerById.load(memberId),
          (memberId) => overdue.load(memberId),
          config.rules,
          { clock: runtime.clock, sagaTimeoutMs: config.sagaTimeoutMs },
        ),
        holdQueue: groupedBy(
          (bookIds) => holds.waitingFor(bookIds),
          (hold) => hold.bookId,
        ),
        loanById: byId(
          (ids) => loans.byIds(ids),
          (loan) => loan.id,
        ),
        holdById: byId(
          (ids) => holds.byIds(ids),
          (hold) => hold.id,
        ),
      };
    },
    consumers: (runtime) => wire(runtime).consumers,
    jobs: (runtime) => wire(runtime).jobs,
  };
}
