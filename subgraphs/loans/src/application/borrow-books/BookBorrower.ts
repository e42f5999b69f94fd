import { DomainError, InvalidInput, MemberUnknown, NotSignedIn, ServiceUnavailable } from '@shelfmark/errors';
import { recordSagaOutcome } from '@shelfmark/events';
import { isUniqueViolation, retryOnConflict, type Clock } from '@shelfmark/subgraph-kit';
import { randomUUID } from 'node:crypto';
import {
  Borrower,
  BorrowRequest,
  BorrowStatus,
  Loan,
  LoanLimitReached,
  MemberBlocked,
  type Asker,
  type CirculationRules,
  type ReservedCopy,
} from '../../domain';
import { knownCaller, type Caller, type CirculationStores, type OpenStores } from '../CirculationStores';
import type { CopyReservation, CopyReservations } from '../ports';

/** The points where a borrowBooks saga has durably written its progress (and the one gap between). */
export const BORROW_STEPS = [
  'started',
  'claimed',
  /** Inventory answered with the copies, but loans has not written that down yet. */
  'inventory-answered',
  'reserved',
  'loans-created',
  'settled',
  'confirmed',
] as const;
export type BorrowStep = (typeof BORROW_STEPS)[number];

/** Called after each step is written; fault-injection drills stop the process here. */
export type BorrowStepProbe = (step: BorrowStep, borrowId: string) => Promise<void> | void;

export interface BorrowSagaOptions {
  readonly clock: Clock;
  /** How long inventory may take to reserve; past it, the request is given up. */
  readonly reservationTimeoutMs: number;
  /**
   * How old an unfinished request (or loan-slot claim) must be before it is taken for dead and
   * recovered. Longer than any live request can take.
   */
  readonly sagaTimeoutMs: number;
  readonly probe?: BorrowStepProbe;
  readonly newId?: () => string;
}

/**
 * borrowBooks, and the librarian's checkOut: the saga orchestrated by loans (docs/design.md §4,
 * flow 2). A checkOut names copies by barcode instead of books; every step is the same.
 *
 *   1. started   — the request is written (STARTED);
 *   2. claimed   — the member's loan slots are claimed on their Borrower (limit, block), one write;
 *   3. reserved  — inventory reserves one lendable copy per book (checkOut: the copies named),
 *                  atomically, all or nothing;
 *                  the request is written RESERVED with the copies and the ids their loans get;
 *   4. loans-created — one Loan per copy, each with its `loan-borrowed` event;
 *   5. settled   — the claim becomes those loans on the Borrower;
 *   6. confirmed — the request is CONFIRMED.
 *
 * Compensation: a refused or failed step gives the request up (CANCELLED) and releases the claim;
 * when inventory's outcome is unknown (timeout, crash), `borrow-cancelled` (checkOut:
 * `checkout-cancelled`) makes inventory release whatever it reserved. After a crash, {@link BorrowRecovery} compensates requests stuck in STARTED
 * and finishes those in RESERVED (their copies are held for them), so every request ends confirmed
 * or fully compensated.
 */
export class BookBorrower {
  private readonly newId: () => string;

  constructor(
    private readonly open: OpenStores,
    private readonly copies: CopyReservations,
    private readonly rules: CirculationRules,
    private readonly options: BorrowSagaOptions,
  ) {
    this.newId = options.newId ?? randomUUID;
  }

  async borrow(caller: Caller | null, bookIds: readonly string[]): Promise<Loan[]> {
    if (!caller) throw new NotSignedIn('Sign in to borrow books.');
    const books = distinctBooks(bookIds);
    if (books.length > this.rules.maxActiveLoans) {
      throw new LoanLimitReached(this.rules.maxActiveLoans, 0, books.length);
    }
    const saga = this.unitOfWork();
    const request = BorrowRequest.start(this.newId(), caller.memberId, books, this.options.clock());
    return this.lend(
      saga,
      request,
      'MEMBER',
      (borrowId, deadline) =>
        this.copies.reserve({ borrowId, bookIds: books, deadline, authorization: caller.authorization }),
      knownCaller(saga.stores, caller),
    );
  }

  /**
   * checkOut: the same saga, for staff lending the copies they scanned to a member at the desk.
   * Inventory reserves those very copies (by barcode) for the member, with the staff's token.
   * Who asks, for whom and which barcodes were checked by `CopyCheckOut`.
   */
  async lendCopies(staff: Caller, memberId: string, barcodes: readonly string[]): Promise<Loan[]> {
    const request = BorrowRequest.startCheckOut(this.newId(), memberId, barcodes, this.options.clock());
    return this.lend(this.unitOfWork(), request, 'STAFF', (borrowId, deadline) =>
      this.copies.reserveByBarcode({
        borrowId,
        memberId,
        barcodes,
        deadline,
        authorization: staff.authorization,
      }),
    );
  }

  /**
   * Steps 1–3 of the saga for a new request, then {@link goForward}. `known`: the check that the
   * caller is a member loans knows, when it is still to be awaited; it is read at the same time as
   * the member's overdue loans (two reads, one wait), and refuses first.
   */
  private async lend(
    saga: SagaUnitOfWork,
    request: BorrowRequest,
    asker: Asker,
    reserve: (borrowId: string, deadline: Date) => Promise<CopyReservation[]>,
    known: Promise<unknown> = Promise.resolve(),
  ): Promise<Loan[]> {
    const now = request.startedAt;
    const [caller, overdue] = await Promise.allSettled([
      known,
      saga.stores.loans.hasOverdue(request.memberId, now),
    ]);
    if (caller.status === 'rejected') throw caller.reason;
    if (overdue.status === 'rejected') throw overdue.reason;
    if (overdue.value) {
      throw new MemberBlocked(
        asker === 'STAFF'
          ? 'This member has an overdue loan; it must be returned before anything more is lent to them.'
          : 'You have an overdue loan. Please return it before borrowing more.',
      );
    }

    await saga.stores.borrows.save(request);
    await this.step('started', request.id);

    try {
      await this.claimSlots(saga, request, now, asker);
    } catch (error) {
      await this.cancel(request.id, describe(error), false);
      throw error;
    }
    await this.step('claimed', request.id);

    let reserved: ReservedCopy[];
    try {
      const copies = await reserve(request.id, new Date(now.getTime() + this.options.reservationTimeoutMs));
      reserved = copies.map((copy) => ({
        bookId: copy.bookId,
        copyId: copy.copyId,
        barcode: copy.barcode,
        holdId: copy.holdId,
        loanId: this.newId(),
      }));
    } catch (error) {
      // A refusal means inventory reserved nothing; anything else leaves its outcome unknown.
      const refused = error instanceof DomainError && !(error instanceof ServiceUnavailable);
      await this.cancel(request.id, describe(error), !refused);
      recordSagaOutcome('borrow', refused ? 'refused' : 'compensated');
      throw refused || error instanceof ServiceUnavailable ? error : new ServiceUnavailable();
    }
    // A crash here leaves copies reserved in inventory for a request loans still has as STARTED:
    // recovery cancels it, and its cancellation event makes inventory release them.
    await this.step('inventory-answered', request.id);
    await this.recordReserved(saga, request.id, reserved);
    await this.step('reserved', request.id);
    return this.forward(request.id, saga, true);
  }

  /**
   * Steps 4–6 for a request whose copies are reserved: create the loans that are missing, settle
   * the claim, confirm. Idempotent, so recovery can run it again after a crash at any point.
   */
  goForward(borrowId: string): Promise<Loan[]> {
    return this.forward(borrowId, this.unitOfWork(), false);
  }

  /**
   * {@link goForward} on the saga's unit of work. `justReserved`: this saga itself has just
   * written the request RESERVED, with loan ids it drew itself, so its loans are new.
   */
  private async forward(borrowId: string, saga: SagaUnitOfWork, justReserved: boolean): Promise<Loan[]> {
    const stores = saga.stores;
    // In the saga's own unit of work the request is already loaded: no read.
    const request = await stores.borrows.byId(borrowId);
    if (!request || (request.status !== BorrowStatus.RESERVED && request.status !== BorrowStatus.CONFIRMED)) {
      throw new Error(`Borrow request ${borrowId} has no reserved copies to lend`);
    }
    const now = this.options.clock();
    const loans = () =>
      request.copies.map((copy) =>
        Loan.borrow(
          {
            id: copy.loanId,
            borrowId: request.id,
            memberId: request.memberId,
            bookId: copy.bookId,
            copyId: copy.copyId,
            barcode: copy.barcode ?? null,
            holdId: copy.holdId,
          },
          this.rules,
          now,
        ),
      );
    // As stored (a recovery re-run gets the loans as first written), in the order asked for.
    const stored = new Map(
      (await this.createLoans(saga, loans, justReserved)).map((loan) => [loan.id, loan]),
    );
    await this.step('loans-created', borrowId);

    const loanIds = request.copies.map((copy) => copy.loanId);
    await saga.retrying(async ({ borrowers }) => {
      const borrower = (await borrowers.byId(request.memberId)) ?? Borrower.of(request.memberId);
      borrower.settle(request.id, loanIds);
      await borrowers.save(borrower);
    });
    await this.step('settled', borrowId);

    const confirmedNow = await saga.retrying(async ({ borrows }) => {
      const current = await borrows.byId(borrowId);
      if (!current || current.status === BorrowStatus.CONFIRMED) return false;
      current.confirmed();
      await borrows.save(current);
      return true;
    });
    if (confirmedNow) recordSagaOutcome('borrow', 'confirmed');
    await this.step('confirmed', borrowId);
    return loanIds.map((id) => stored.get(id)).filter((loan): loan is Loan => loan !== undefined);
  }

  /**
   * Stores the loans that are missing and answers all of them as stored. Loans with ids this saga
   * just drew are inserted without looking for them first; should one be stored all the same
   * (recovery took the request for dead and went forward with it meanwhile), the insert fails on
   * its key and the loans are looked for, on a fresh unit of work, as recovery does.
   */
  private async createLoans(saga: SagaUnitOfWork, loans: () => Loan[], areNew: boolean): Promise<Loan[]> {
    if (areNew) {
      const created = loans();
      try {
        await saga.stores.loans.add(created);
        return created;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        saga.startAfresh();
      }
    }
    return saga.stores.loans.addMissing(loans());
  }

  /** Gives a request up and releases its claim; `releaseCopies` when inventory may hold copies for it. */
  async cancel(borrowId: string, reason: string, releaseCopies: boolean): Promise<void> {
    const memberId = await retryOnConflict(async () => {
      const { borrows } = this.open();
      const request = await borrows.byId(borrowId);
      if (!request) return null;
      request.cancel(reason, releaseCopies, this.options.clock());
      await borrows.save(request);
      return request.memberId;
    });
    if (!memberId) return;
    await retryOnConflict(async () => {
      const { borrowers } = this.open();
      const borrower = await borrowers.byId(memberId);
      if (!borrower) return;
      borrower.abandon(borrowId);
      await borrowers.save(borrower);
    });
  }

  private async claimSlots(
    saga: SagaUnitOfWork,
    request: BorrowRequest,
    now: Date,
    asker: Asker,
  ): Promise<void> {
    const staleBefore = new Date(now.getTime() - this.options.sagaTimeoutMs);
    await saga.retrying(async ({ borrowers }) => {
      // Checked again in the claim's own write: only a member loans knows may hold loan slots.
      const borrower = await borrowers.byId(request.memberId);
      if (!borrower) throw new MemberUnknown();
      const count = request.isCheckOut() ? (request.barcodes ?? []).length : request.bookIds.length;
      borrower.claim(request.id, count, this.rules, now, staleBefore, asker);
      await borrowers.save(borrower);
    });
  }

  private async recordReserved(
    saga: SagaUnitOfWork,
    borrowId: string,
    copies: readonly ReservedCopy[],
  ): Promise<void> {
    await saga.retrying(async ({ borrows }) => {
      const request = await borrows.byId(borrowId);
      if (!request) throw new Error(`Borrow request ${borrowId} vanished`);
      request.reserved(copies);
      await borrows.save(request);
    });
  }

  private async step(step: BorrowStep, borrowId: string): Promise<void> {
    await this.options.probe?.(step, borrowId);
  }

  private unitOfWork(): SagaUnitOfWork {
    return new SagaUnitOfWork(this.open);
  }
}

/**
 * One unit of work for a whole saga, so each step finds what the previous ones read and wrote in
 * its identity map instead of reading it again (the request and the borrower, read by id). Every
 * step still writes and commits on its own: the steps crash recovery relies on are unchanged. A
 * step that fails (a conflict above all) leaves its unit of work for a fresh one, which reads
 * again, and is retried there: the old one may hold the change that lost.
 */
class SagaUnitOfWork {
  private current: CirculationStores | undefined;

  constructor(private readonly open: OpenStores) {}

  get stores(): CirculationStores {
    this.current ??= this.open();
    return this.current;
  }

  /** Leaves the current unit of work (it may hold a write that failed): the next step reads afresh. */
  startAfresh(): void {
    this.current = undefined;
  }

  /** Runs `work` on the saga's unit of work, retried (on a fresh one) after a conflict. */
  retrying<T>(work: (stores: CirculationStores) => Promise<T>): Promise<T> {
    return retryOnConflict(async () => {
      const stores = this.stores;
      try {
        return await work(stores);
      } catch (error) {
        if (this.current === stores) this.current = this.open();
        throw error;
      }
    });
  }
}

/** The books of one request: at least one, each once. */
function distinctBooks(bookIds: readonly string[]): string[] {
  const books = bookIds.map((id) => id.trim());
  if (books.length === 0) throw new InvalidInput('bookIds', 'Name at least one book to borrow.');
  if (books.some((id) => !id)) throw new InvalidInput('bookIds', 'A book id cannot be empty.');
  const duplicates = books.filter((id, index) => books.indexOf(id) !== index);
  if (duplicates.length > 0) {
    throw new InvalidInput(
      'bookIds',
      `Each book can be borrowed once per request; ${JSON.stringify(duplicates[0])} is listed more than once.`,
    );
  }
  return books;
}

function describe(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
