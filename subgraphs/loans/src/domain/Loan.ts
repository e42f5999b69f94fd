import { AggregateRoot } from '@shelfmark/events';
import { addDays, type CirculationRules } from './CirculationRules';
import {
  HoldQueueNotEmpty,
  LoanAlreadyReturned,
  OverdueLoanNotRenewable,
  RenewalLimitReached,
} from './errors';

export const LoanStatus = {
  /** Lent and not yet due. */
  ACTIVE: 'ACTIVE',
  /** Given back; the copy is no longer the member's. */
  RETURNED: 'RETURNED',
  /** Still out after its due date (set by the overdue job). */
  OVERDUE: 'OVERDUE',
} as const;
export type LoanStatus = (typeof LoanStatus)[keyof typeof LoanStatus];
export const LOAN_STATUSES = Object.values(LoanStatus);

/** The hold a returned or released copy goes to next, or null for the shelves. */
export interface NextHold {
  readonly holdId: string;
  readonly memberId: string;
}

export interface NewLoan {
  readonly id: string;
  readonly borrowId: string;
  readonly memberId: string;
  readonly bookId: string;
  readonly copyId: string;
  /** The copy's label, as inventory answered the reservation (null if it did not say). */
  readonly barcode: string | null;
  readonly holdId: string | null;
}

/**
 * One copy of a book lent to one member. An aggregate: each change records its event in the
 * loan's own outbox, written with the change.
 */
export class Loan extends AggregateRoot {
  id!: string;
  memberId!: string;
  copyId!: string;
  /**
   * The copy's barcode, kept so the desk finds the loan of a copy it scans (checkIn) without
   * asking inventory. Null for loans made before loans kept it.
   */
  barcode!: string | null;
  /** The book the copy belongs to, kept so a member's loans list needs no inventory call. */
  bookId!: string;
  /** The borrowBooks request (saga) that created it. */
  borrowId!: string | null;
  /** The hold it fulfilled, if the copy waited on the hold shelf for the member. */
  holdId!: string | null;
  borrowedAt!: Date;
  dueAt!: Date;
  returnedAt!: Date | null;
  /** How many times the due date was pushed back. */
  renewals!: number;
  status!: LoanStatus;
  /** The due date a reminder was last sent for (so each due date is reminded of once). */
  remindedForDueAt!: Date | null;

  static borrow(input: NewLoan, rules: CirculationRules, now: Date): Loan {
    const loan = Object.assign(new Loan(), {
      ...input,
      borrowedAt: now,
      dueAt: addDays(now, rules.loanPeriodDays),
      returnedAt: null,
      renewals: 0,
      status: LoanStatus.ACTIVE,
      remindedForDueAt: null,
    });
    loan.record(
      'shelfmark.loans.loan-borrowed.v1',
      loan.id,
      {
        loanId: loan.id,
        borrowId: input.borrowId,
        memberId: loan.memberId,
        bookId: loan.bookId,
        copyId: loan.copyId,
        holdId: loan.holdId,
        borrowedAt: now.toISOString(),
        dueAt: loan.dueAt.toISOString(),
      },
      now,
    );
    return loan;
  }

  isOut(): boolean {
    return this.status !== LoanStatus.RETURNED;
  }

  /** Out after its due date, whether or not the overdue job has marked it yet. */
  isOverdueAt(now: Date): boolean {
    return this.isOut() && this.dueAt.getTime() < now.getTime();
  }

  /** The copy comes back; `nextHold` is who it goes to next (decided with this write). */
  giveBack(nextHold: NextHold | null, now: Date): void {
    if (!this.isOut()) throw new LoanAlreadyReturned();
    const onTime = now.getTime() <= this.dueAt.getTime();
    this.status = LoanStatus.RETURNED;
    this.returnedAt = now;
    this.record(
      'shelfmark.loans.loan-returned.v1',
      this.id,
      {
        loanId: this.id,
        memberId: this.memberId,
        bookId: this.bookId,
        copyId: this.copyId,
        returnedAt: now.toISOString(),
        onTime,
        nextHold,
      },
      now,
    );
  }

  /** Pushes the due date back one loan period. `waiting`: holds queued for the book. */
  renew(rules: CirculationRules, waiting: number, now: Date): void {
    if (!this.isOut()) throw new LoanAlreadyReturned();
    if (this.isOverdueAt(now)) throw new OverdueLoanNotRenewable();
    if (this.renewals >= rules.maxRenewals) throw new RenewalLimitReached(rules.maxRenewals);
    if (waiting > 0) throw new HoldQueueNotEmpty(waiting);
    this.renewals += 1;
    this.dueAt = addDays(this.dueAt, rules.loanPeriodDays);
    this.record(
      'shelfmark.loans.loan-renewed.v1',
      this.id,
      {
        loanId: this.id,
        memberId: this.memberId,
        bookId: this.bookId,
        dueAt: this.dueAt.toISOString(),
        renewals: this.renewals,
      },
      now,
    );
  }

  /** The overdue job: an ACTIVE loan past its due date becomes OVERDUE, once. */
  markOverdue(now: Date): boolean {
    if (this.status !== LoanStatus.ACTIVE || !this.isOverdueAt(now)) return false;
    this.status = LoanStatus.OVERDUE;
    this.record(
      'shelfmark.loans.loan-overdue.v1',
      this.id,
      {
        loanId: this.id,
        memberId: this.memberId,
        bookId: this.bookId,
        copyId: this.copyId,
        dueAt: this.dueAt.toISOString(),
      },
      now,
    );
    return true;
  }

  /** The due-soon job: one reminder per due date, within `dueSoonDays` of it. */
  remindIfDueSoon(rules: CirculationRules, now: Date): boolean {
    if (this.status !== LoanStatus.ACTIVE) return false;
    if (this.remindedForDueAt?.getTime() === this.dueAt.getTime()) return false;
    if (addDays(now, rules.dueSoonDays).getTime() < this.dueAt.getTime() || this.isOverdueAt(now)) {
      return false;
    }
    this.remindedForDueAt = this.dueAt;
    this.record(
      'shelfmark.loans.loan-due-soon.v1',
      this.id,
      { loanId: this.id, memberId: this.memberId, bookId: this.bookId, dueAt: this.dueAt.toISOString() },
      now,
    );
    return true;
  }
}
