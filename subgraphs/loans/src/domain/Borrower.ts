import { AggregateRoot } from '@shelfmark/events';
import type { CirculationRules } from './CirculationRules';
import { LoanLimitReached, MemberBlocked } from './errors';

export const BorrowerStatus = { ACTIVE: 'ACTIVE', BLOCKED: 'BLOCKED' } as const;
export type BorrowerStatus = (typeof BorrowerStatus)[keyof typeof BorrowerStatus];

/** Copies a borrowBooks request has claimed but not yet turned into loans. */
export interface PendingBorrow {
  readonly borrowId: string;
  readonly count: number;
  /** ISO-8601; a claim older than the saga timeout belongs to a request that died. */
  readonly at: string;
}

/**
 * Loans' own view of a member: whether members blocked them (learnt from members' events) and
 * the loan slots they hold. Every borrowBooks request claims its slots here first, in one
 * optimistic write, so parallel requests of one member can never together pass the loan limit.
 */
export class Borrower extends AggregateRoot {
  memberId!: string;
  status!: BorrowerStatus;
  blockedReason!: string | null;
  /** Loans out (ACTIVE or OVERDUE). */
  loanIds!: string[];
  pending!: PendingBorrow[];

  static of(memberId: string): Borrower {
    return Object.assign(new Borrower(), {
      memberId,
      status: BorrowerStatus.ACTIVE,
      blockedReason: null,
      loanIds: [],
      pending: [],
    });
  }

  /**
   * Claims `count` loan slots for a borrowBooks request. Claims older than `staleBefore` belong
   * to requests that died without settling (recovery settles or abandons them) and no longer count.
   */
  claim(borrowId: string, count: number, rules: CirculationRules, now: Date, staleBefore: Date): void {
    if (this.status === BorrowerStatus.BLOCKED) {
      throw new MemberBlocked(
        `Your membership is blocked${this.blockedReason ? ` (${this.blockedReason})` : ''}; please speak to a librarian before borrowing.`,
      );
    }
    this.pending = this.pending.filter(
      (claim) => claim.borrowId !== borrowId && new Date(claim.at).getTime() >= staleBefore.getTime(),
    );
    const current = this.loanIds.length + this.pending.reduce((sum, claim) => sum + claim.count, 0);
    if (current + count > rules.maxActiveLoans) {
      throw new LoanLimitReached(rules.maxActiveLoans, current, count);
    }
    this.pending = [...this.pending, { borrowId, count, at: now.toISOString() }];
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
}
