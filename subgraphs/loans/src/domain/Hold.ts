import { AggregateRoot } from '@shelfmark/events';

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

/**
 * A member's reservation of a book (not of a copy). Holds of one book form a FIFO queue by
 * `placedAt`. Placing, cancelling, serving and expiring holds arrive with the circulation work.
 */
export class Hold extends AggregateRoot {
  id!: string;
  memberId!: string;
  bookId!: string;
  /** Place in the book's queue while WAITING (1 is next); null once the hold left the queue. */
  position!: number | null;
  status!: HoldStatus;
  placedAt!: Date;
  /** While READY: the end of the pickup window. */
  readyUntil!: Date | null;
  /** The points taken when the hold was placed (refunded on cancel or expiry). */
  pointsSpent!: number;
}
