import { AggregateRoot } from '@shelfmark/events';
import type { CirculationRules } from './CirculationRules';
import { LoanLimitReached, MemberBlocked, type Asker } from './errors';

export const BorrowerStatus = { ACTIVE: 'ACTIVE', BLOCKED: 'BLOCKED' } as const;
export type BorrowerStatus = (typeof BorrowerStatus)[keyof typeof BorrowerStatus];

/** Copies a borrowBooks request has claimed but not yet turned into loans. */
export interface PendingBorrow {
  readonly borrowId: string;
  readonly count: number;
  /** ISO-8601; a claim older than the saga timeout belongs to a request that died. */
  readonly at: string;
}

/** Why a member cannot borrow right now (the first that applies, in this order). */
export type CannotBorrowReason = 'BLOCKED' | 'OVERDUE_LOAN' | 'LOAN_LIMIT_REACHED';

/** Whether a member may borrow now, as the desk shows it before the first scan. */
export interface BorrowingStanding {
  /** Loans out (ACTIVE or OVERDUE). */
  readonly activeLoans: number;
  readonly loanLimit: number;
  /** Null when they may borrow at least one more book. */
  readonly cannotBorrowBecause: CannotBorrowReason | null;
}

/**
 * Loans' own view of a member: whether members blocked them and their card number (learnt from
 * members' events), and the loan slots they hold. Every borrowBooks request claims its slots here first, in one
 * optimistic write, so parallel requests of one member can never together pass the loan limit.
 */
export class Borrower extends AggregateRoot {
  memberId!: string;
  status!: BorrowerStatus;
  blockedReason!: string | null;
  /** The number of their library card (`member-card-issued`), by which the desk finds them; null until issued. */
  cardNumber!: string | null;
  /** Loans out (ACTIVE or OVERDUE). */
  loanIds!: string[];
  pending!: PendingBorrow[];

  static of(memberId: string): Borrower {
    return Object.assign(new Borrower(), {
      memberId,
      status: BorrowerStatus.ACTIVE,
      blockedReason: null,
      cardNumber: null,
      loanIds: [],
      pending: [],
    });
  }

  /**
   * Claims `count` loan slots for a borrowBooks or checkOut request. Claims older than `staleBefore`
   * belong to requests that died without settling (recovery settles or abandons them) and no longer
   * count. `asker`: whom the refusal speaks to — the member, or staff lending to them at the desk.
   */
  claim(
    borrowId: string,
    count: number,
    rules: CirculationRules,
    now: Date,
    staleBefore: Date,
    asker: Asker = 'MEMBER',
  ): void {
    if (this.status === BorrowerStatus.BLOCKED) {
      const reason = this.blockedReason ? ` (${this.blockedReason})` : '';
      throw new MemberBlocked(
        asker === 'STAFF'
          ? `This member is blocked${reason}; nothing can be lent to them until the block is lifted.`
          : `Your membership is blocked${reason}; please speak to a librarian before borrowing.`,
      );
    }
    this.pending = this.livePending(staleBefore).filter((claim) => claim.borrowId !== borrowId);
    const current = this.slotsInUse(staleBefore);
    if (current + count > rules.maxActiveLoans) {
      throw new LoanLimitReached(rules.maxActiveLoans, current, count, asker);
    }
    this.pending = [...this.pending, { borrowId, count, at: now.toISOString() }];
  }

  /**
   * Whether the member may borrow now, by the same rules as {@link claim}: not blocked, no
   * overdue loan (`hasOverdue`, which loans' loans tell), and a slot free under the limit.
   */
  standing(rules: CirculationRules, hasOverdue: boolean, staleBefore: Date): BorrowingStanding {
    const cannotBorrowBecause: CannotBorrowReason | null =
      this.status === BorrowerStatus.BLOCKED
        ? 'BLOCKED'
        : hasOverdue
          ? 'OVERDUE_LOAN'
          : this.slotsInUse(staleBefore) >= rules.maxActiveLoans
            ? 'LOAN_LIMIT_REACHED'
            : null;
    return { activeLoans: this.loanIds.length, loanLimit: rules.maxActiveLoans, cannotBorrowBecause };
  }

  /** Loans out plus the slots claimed by requests still in flight. */
  private slotsInUse(staleBefore: Date): number {
    return this.loanIds.length + this.livePending(staleBefore).reduce((sum, claim) => sum + claim.count, 0);
  }

  private livePending(staleBefore: Date): PendingBorrow[] {
    return this.pending.filter((claim) => new Date(claim.at).getTime() >= staleBefore.getTime());
  }

  /** The request's loans exist: its claim becomes those loans. Idempotent. */
  settle(borrowId: string, loanIds: readonly string[]): void {
    this.pending = this.pending.filter((claim) => claim.borrowId !== borrowId);
    this.loanIds = [...new Set([...this.loanIds, ...loanIds])];
  }

  /** The request was given up: its claim is released. Idempotent. */
  abandon(borrowId: string): void {
    this.pending = this.pending.filter((claim) => claim.borrowId !== borrowId);
  }

  /** A loan came back: its slot is free. Idempotent. */
  loanEnded(loanId: string): void {
    this.loanIds = this.loanIds.filter((id) => id !== loanId);
  }

  block(reason: string): void {
    this.status = BorrowerStatus.BLOCKED;
    this.blockedReason = reason;
  }

  unblock(): void {
    this.status = BorrowerStatus.ACTIVE;
    this.blockedReason = null;
  }

  cardIssued(number: string): void {
    this.cardNumber = number;
  }
}
