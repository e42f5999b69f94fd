import { ServiceUnavailable } from '@shelfmark/errors';
import { AggregateRoot } from '@shelfmark/events';

/**
 * Where a borrowBooks saga stands. Each step is written before the next one starts, so after a
 * crash recovery knows what to do: STARTED — inventory may or may not have reserved copies, so
 * compensate (cancel, releasing whatever was reserved); RESERVED — the copies are ours, so go
 * forward (create the loans that are missing, settle the claim). CONFIRMED and CANCELLED are final.
 */
export const BorrowStatus = {
  STARTED: 'STARTED',
  RESERVED: 'RESERVED',
  CONFIRMED: 'CONFIRMED',
  CANCELLED: 'CANCELLED',
} as const;
export type BorrowStatus = (typeof BorrowStatus)[keyof typeof BorrowStatus];
export const BORROW_STATUSES = Object.values(BorrowStatus);

/** One copy inventory reserved for the request, and the id its loan gets. */
export interface ReservedCopy {
  readonly bookId: string;
  readonly copyId: string;
  /** The label on the copy, as inventory answered it; null in requests from before loans kept it. */
  readonly barcode: string | null;
  /** The hold the copy waited on the hold shelf for, if any. */
  readonly holdId: string | null;
  readonly loanId: string;
}

/**
 * The persisted state of one borrowBooks request, or of one checkOut at the desk (the saga
 * orchestrated by loans). A borrowBooks request names books; a checkOut names copies by barcode,
 * and learns their books from inventory's answer.
 */
export class BorrowRequest extends AggregateRoot {
  id!: string;
  memberId!: string;
  bookIds!: string[];
  /** The copies a librarian scanned (checkOut); empty for borrowBooks (null in older requests). */
  barcodes!: string[] | null;
  status!: BorrowStatus;
  copies!: ReservedCopy[];
  startedAt!: Date;
  /** Why it was cancelled, for operators. */
  failure!: string | null;

  static start(id: string, memberId: string, bookIds: readonly string[], now: Date): BorrowRequest {
    return BorrowRequest.begin(id, memberId, bookIds, [], now);
  }

  /** A librarian lends these copies (by barcode, as scanned) to the member at the desk. */
  static startCheckOut(id: string, memberId: string, barcodes: readonly string[], now: Date): BorrowRequest {
    return BorrowRequest.begin(id, memberId, [], barcodes, now);
  }

  private static begin(
    id: string,
    memberId: string,
    bookIds: readonly string[],
    barcodes: readonly string[],
    now: Date,
  ): BorrowRequest {
    return Object.assign(new BorrowRequest(), {
      id,
      memberId,
      bookIds: [...bookIds],
      barcodes: [...barcodes],
      status: BorrowStatus.STARTED,
      copies: [],
      startedAt: now,
      failure: null,
    });
  }

  isFinished(): boolean {
    return this.status === BorrowStatus.CONFIRMED || this.status === BorrowStatus.CANCELLED;
  }

  /**
   * Inventory reserved the copies. Only a request still STARTED can take them: one that recovery
   * already cancelled (it outlived the saga timeout) has had its copies released.
   */
  reserved(copies: readonly ReservedCopy[]): void {
    if (this.status !== BorrowStatus.STARTED) throw new BorrowGivenUp(this.id);
    this.status = BorrowStatus.RESERVED;
    this.copies = [...copies];
    // A checkOut learns its books now.
    if (this.bookIds.length === 0) this.bookIds = copies.map((copy) => copy.bookId);
  }

  isCheckOut(): boolean {
    return (this.barcodes ?? []).length > 0;
  }

  confirmed(): void {
    this.status = BorrowStatus.CONFIRMED;
  }

  /**
   * Gives the request up. `releaseCopies`: inventory may hold copies for it (the outcome of the
   * reservation is unknown), so `borrow-cancelled` (books) or `checkout-cancelled` (copies by
   * barcode) tells inventory to release them.
   */
  cancel(reason: string, releaseCopies: boolean, now: Date): void {
    if (this.isFinished()) return;
    this.status = BorrowStatus.CANCELLED;
    this.failure = reason;
    if (!releaseCopies) return;
    if (this.isCheckOut()) {
      this.record(
        'shelfmark.loans.checkout-cancelled.v1',
        this.id,
        { borrowId: this.id, memberId: this.memberId, barcodes: this.barcodes ?? [], reason },
        now,
      );
      return;
    }
    this.record(
      'shelfmark.loans.borrow-cancelled.v1',
      this.id,
      { borrowId: this.id, memberId: this.memberId, bookIds: this.bookIds, reason },
      now,
    );
  }
}

/** The request took so long that recovery gave it up; nothing was lent. */
export class BorrowGivenUp extends ServiceUnavailable {
  constructor(readonly borrowId: string) {
    super('Borrowing took too long and was called off; nothing was lent. Please try again.');
  }
}
