import { AggregateRoot } from '@shelfmark/events';
import { addDays, type CirculationRules } from './CirculationRules';
import { HoldNotActive } from './errors';
import type { NextHold } from './Loan';

export const HoldStatus = {
  /** In the book's queue, waiting for a copy. */
  WAITING: 'WAITING',
  /** A copy waits on the hold shelf for this member until `readyUntil`. */
  READY: 'READY',
  /** The member borrowed the copy kept for them. */
  FULFILLED: 'FULFILLED',
  /** The member withdrew the hold; its points were refunded. */
  CANCELLED: 'CANCELLED',
  /** The copy was not picked up in time; its points were refunded. */
  EXPIRED: 'EXPIRED',
} as const;
export type HoldStatus = (typeof HoldStatus)[keyof typeof HoldStatus];
export const HOLD_STATUSES = Object.values(HoldStatus);

export interface NewHold {
  readonly id: string;
  readonly memberId: string;
  readonly bookId: string;
}

/**
 * A member's reservation of a book (not of a copy). Holds of one book form a FIFO queue by
 * `placedAt`. Placing is two steps around the synchronous points call: the hold is stored
 * unconfirmed first (invisible), so a crash after the points were taken leaves a record that
 * recovery can refund; it becomes a real, queued hold only once its points are paid.
 */
export class Hold extends AggregateRoot {
  id!: string;
  memberId!: string;
  bookId!: string;
  status!: HoldStatus;
  placedAt!: Date;
  /** While READY: the end of the pickup window. */
  readyUntil!: Date | null;
  /** The copy waiting on the hold shelf for this hold, while READY. */
  copyId!: string | null;
  /** The points taken when the hold was placed (refunded on cancel or expiry). */
  pointsSpent!: number;
  /** False until its points are paid: an unconfirmed hold is in no queue and no list. */
  confirmed!: boolean;
  /**
   * `<memberId>:<bookId>` while the hold is in play, `ended:<holdId>` once it ended. Unique: a
   * member holds a book at most once at a time, even when two requests race to place the hold.
   * (Never null: a unique index over nulls needs a partial index, which not every MongoDB-compatible
   * server honours.)
   */
  activeKey!: string;

  /** Step 1 of placing: the record that exists before the points are taken. */
  static begin(input: NewHold, rules: CirculationRules, now: Date): Hold {
    return Object.assign(new Hold(), {
      ...input,
      status: HoldStatus.WAITING,
      placedAt: now,
      readyUntil: null,
      copyId: null,
      pointsSpent: rules.holdCostPoints,
      confirmed: false,
      activeKey: `${input.memberId}:${input.bookId}`,
    });
  }

  /** Step 2: the points are paid; the hold joins the queue. */
  confirm(now: Date): void {
    if (this.confirmed) return;
    this.confirmed = true;
    this.record(
      'shelfmark.loans.hold-placed.v1',
      this.id,
      {
        holdId: this.id,
        memberId: this.memberId,
        bookId: this.bookId,
        pointsSpent: this.pointsSpent,
        placedAt: this.placedAt.toISOString(),
      },
      now,
    );
  }

  /**
   * Members refused the points (not enough, blocked): nothing was taken, so the hold ends
   * without an event. It was never visible.
   */
  discard(): void {
    if (this.confirmed || this.status !== HoldStatus.WAITING) return;
    this.status = HoldStatus.CANCELLED;
    this.activeKey = `ended:${this.id}`;
  }

  /**
   * Placing did not complete (the points call failed or the process stopped): the hold ends
   * without ever being queued, and members refunds whatever it took for it.
   */
  abandon(now: Date): boolean {
    if (this.confirmed || this.status !== HoldStatus.WAITING) return false;
    this.status = HoldStatus.CANCELLED;
    this.activeKey = `ended:${this.id}`;
    this.record(
      'shelfmark.loans.hold-abandoned.v1',
      this.id,
      { holdId: this.id, memberId: this.memberId, bookId: this.bookId, points: this.pointsSpent },
      now,
    );
    return true;
  }

  isActive(): boolean {
    return this.confirmed && (this.status === HoldStatus.WAITING || this.status === HoldStatus.READY);
  }

  /** The member withdraws. A READY hold's copy goes to `nextHold` (or the shelves). */
  cancel(nextHold: NextHold | null, now: Date): void {
    if (!this.isActive()) throw new HoldNotActive(this.status);
    const copyId = this.status === HoldStatus.READY ? this.copyId : null;
    this.status = HoldStatus.CANCELLED;
    this.activeKey = `ended:${this.id}`;
    this.readyUntil = null;
    this.record(
      'shelfmark.loans.hold-cancelled.v1',
      this.id,
      {
        holdId: this.id,
        memberId: this.memberId,
        bookId: this.bookId,
        pointsRefunded: this.pointsSpent,
        copy: copyId ? { copyId, nextHold } : null,
      },
      now,
    );
  }

  /** A copy now waits on the hold shelf for this member. False when it was already so. */
  makeReady(copyId: string, rules: CirculationRules, now: Date): boolean {
    if (this.status === HoldStatus.READY && this.copyId === copyId) return false;
    if (!this.confirmed || this.status !== HoldStatus.WAITING) {
      throw new Error(`Hold ${this.id} is ${this.status}; a copy cannot be kept for it`);
    }
    this.status = HoldStatus.READY;
    this.copyId = copyId;
    this.readyUntil = addDays(now, rules.pickupWindowDays);
    this.record(
      'shelfmark.loans.hold-ready.v1',
      this.id,
      {
        holdId: this.id,
        memberId: this.memberId,
        bookId: this.bookId,
        copyId,
        readyUntil: this.readyUntil.toISOString(),
      },
      now,
    );
    return true;
  }

  /** Can take a copy: confirmed and still waiting. */
  isWaiting(): boolean {
    return this.confirmed && this.status === HoldStatus.WAITING;
  }

  /**
   * A copy was routed to this hold after it left the queue (cancelled meanwhile): pass the copy
   * on to `nextHold`, recorded on this hold so the copy's routing stays one chain of events.
   */
  passOn(copyId: string, nextHold: NextHold | null, now: Date): void {
    this.record(
      'shelfmark.loans.hold-passed-on.v1',
      this.id,
      { holdId: this.id, bookId: this.bookId, copyId, nextHold },
      now,
    );
  }

  /** The pickup window closed: EXPIRED, points refunded, the copy goes to `nextHold`. */
  expire(nextHold: NextHold | null, now: Date): boolean {
    if (this.status !== HoldStatus.READY || !this.readyUntil || this.readyUntil.getTime() > now.getTime()) {
      return false;
    }
    const copyId = this.copyId ?? '';
    this.status = HoldStatus.EXPIRED;
    this.activeKey = `ended:${this.id}`;
    this.record(
      'shelfmark.loans.hold-expired.v1',
      this.id,
      {
        holdId: this.id,
        memberId: this.memberId,
        bookId: this.bookId,
        pointsRefunded: this.pointsSpent,
        copyId,
        nextHold,
      },
      now,
    );
    return true;
  }

  /** The member borrowed the book: the hold has done its job. False when it already had. */
  fulfil(loanId: string, now: Date): boolean {
    if (!this.isActive()) return false;
    this.status = HoldStatus.FULFILLED;
    this.activeKey = `ended:${this.id}`;
    this.readyUntil = null;
    this.record(
      'shelfmark.loans.hold-fulfilled.v1',
      this.id,
      { holdId: this.id, memberId: this.memberId, bookId: this.bookId, loanId },
      now,
    );
    return true;
  }
}
