import { AggregateRoot } from '@shelfmark/events';
import type { Barcode } from './Barcode';
import { CopyStatus, OUT_OF_CIRCULATION } from './CopyStatus';
import { CopyInUse, type CopyUnavailability } from './errors';

export interface NewCopy {
  readonly id: string;
  readonly bookId: string;
  readonly barcode: Barcode;
  /** Already validated by {@link copyLocation}. */
  readonly location: string | null;
}

/** The first WAITING hold of the book, as loans names it: who a freed copy goes to next. */
export interface NextHold {
  readonly holdId: string;
  readonly memberId: string;
}

/** What {@link Copy.lend} did: `unexpected` is a loan loans confirmed without this copy being reserved for it. */
export type LendOutcome = 'lent' | 'already-lent' | 'unexpected';

/**
 * One physical copy of a book. Inventory owns its barcode, shelf location and status; which book
 * it is a copy of is catalogue's business (`bookId` refers to it by id only).
 *
 * Circulation moves it between AVAILABLE, ON_LOAN and ON_HOLD_SHELF. Every move is one write of
 * this copy, checked by its optimistic `version`, and records `copy-status-changed` in the same
 * write. Loans' events drive it; each transition is guarded by the state it expects, so a stale
 * or repeated event changes nothing.
 */
export class Copy extends AggregateRoot {
  id!: string;
  bookId!: string;
  barcode!: string;
  location!: string | null;
  status!: CopyStatus;
  addedAt!: Date;

  /** The loan the copy is out on (ON_LOAN through loan-borrowed). */
  loanId: string | null = null;
  /** The borrow request that loan came from: a repeated reservation for it finds the copy again. */
  loanBorrowId: string | null = null;
  /** The hold that loan fulfilled, when the copy was waiting on the hold shelf for the borrower. */
  loanHoldId: string | null = null;

  /** The hold the copy waits on the hold shelf for (while ON_HOLD_SHELF, and while reserved from there). */
  heldForHoldId: string | null = null;
  heldForMemberId: string | null = null;

  /** The borrow request (saga) the copy is reserved for, until loans confirms or cancels it. */
  reservedFor: string | null = null;
  /** The member borrowing it. */
  reservedBy: string | null = null;
  /** Where the copy goes back to when the reservation is released. */
  reservedFromStatus: CopyStatus | null = null;
  /** The hold the borrower took the copy off the hold shelf under, if any. */
  reservedHoldId: string | null = null;

  /** A new copy goes straight into circulation: AVAILABLE. */
  static add({ id, bookId, barcode, location }: NewCopy, now: Date): Copy {
    const copy = new Copy();
    copy.id = id;
    copy.bookId = bookId;
    copy.barcode = barcode.value;
    copy.location = location;
    copy.status = CopyStatus.AVAILABLE;
    copy.addedAt = now;
    copy.record(
      'shelfmark.inventory.copy-added.v1',
      copy.id,
      { copyId: copy.id, bookId, barcode: copy.barcode, location, status: copy.status },
      now,
    );
    return copy;
  }

  /** Whether this member could reserve the copy now: free on the shelves, or waiting for them. */
  canBeReservedBy(memberId: string): boolean {
    if (this.isReserved()) return false;
    if (this.status === CopyStatus.AVAILABLE) return !this.heldForHoldId;
    return this.status === CopyStatus.ON_HOLD_SHELF && this.heldForMemberId === memberId;
  }

  /** Why this member could not reserve the copy now, or null when they could ({@link canBeReservedBy}). */
  whyNotReservableBy(memberId: string): CopyUnavailability | null {
    if (this.canBeReservedBy(memberId)) return null;
    if (OUT_OF_CIRCULATION.has(this.status)) return 'OUT_OF_CIRCULATION';
    if (this.isReserved() || this.status === CopyStatus.ON_LOAN) return 'ON_LOAN';
    return 'HELD_FOR_ANOTHER';
  }

  /** Whether the copy waits on the hold shelf for this member (and nobody is borrowing it right now). */
  isHeldFor(memberId: string): boolean {
    return (
      this.status === CopyStatus.ON_HOLD_SHELF && !this.isReserved() && this.heldForMemberId === memberId
    );
  }

  /**
   * The first step of a borrow: the copy leaves for this member (ON_LOAN) until loans confirms
   * the loan or cancels the borrow. False, changing nothing, when the copy is not theirs to take.
   */
  reserve(borrowId: string, memberId: string, now: Date): boolean {
    if (!this.canBeReservedBy(memberId)) return false;
    this.reservedFor = borrowId;
    this.reservedBy = memberId;
    this.reservedFromStatus = this.status;
    this.reservedHoldId = this.status === CopyStatus.ON_HOLD_SHELF ? (this.heldForHoldId ?? null) : null;
    this.moveTo(CopyStatus.ON_LOAN, now);
    return true;
  }

  /** The hold the member took the copy off the hold shelf under (the one its loan fulfils), or null. */
  reservationHoldId(): string | null {
    return (this.isReserved() ? this.reservedHoldId : this.loanHoldId) ?? null;
  }

  /**
   * Circulation fields are null when unset; a document stored before they existed (MongoDB)
   * lacks them altogether, which reads the same.
   */
  private isReserved(): boolean {
    return Boolean(this.reservedFor);
  }

  /** The borrow was given up: back to where it came from; a hold-shelf copy keeps its hold. */
  release(borrowId: string, now: Date): boolean {
    if (this.reservedFor !== borrowId) return false;
    const back = this.reservedFromStatus ?? CopyStatus.AVAILABLE;
    this.clearReservation();
    this.moveTo(back, now);
    return true;
  }

  /**
   * Loans confirmed the loan (loan-borrowed). Normally the copy is reserved for its borrow. A loan
   * for a copy in any other state is still a fact loans decided: the copy is ON_LOAN for it, and
   * the caller hears `unexpected` so that it can say so.
   */
  lend(loanId: string, borrowId: string, now: Date): LendOutcome {
    if (this.loanId === loanId) return 'already-lent';
    const outcome: LendOutcome = this.reservedFor === borrowId ? 'lent' : 'unexpected';
    this.loanHoldId = this.reservedFor === borrowId ? this.reservedHoldId : null;
    this.loanId = loanId;
    this.loanBorrowId = borrowId;
    this.clearReservation();
    this.clearHold();
    this.moveTo(CopyStatus.ON_LOAN, now);
    return outcome;
  }

  /** The loan came back (loan-returned): to the hold shelf for `nextHold`, or the shelves. */
  shelveAfterReturn(loanId: string, nextHold: NextHold | null, now: Date): boolean {
    if (this.loanId !== loanId) return false;
    this.loanId = null;
    this.loanBorrowId = null;
    this.loanHoldId = null;
    this.holdFor(nextHold);
    this.moveTo(nextHold ? CopyStatus.ON_HOLD_SHELF : CopyStatus.AVAILABLE, now);
    return true;
  }

  /**
   * The hold the copy waited for ended without a loan (cancelled, expired, passed on): the copy
   * waits for `nextHold`, or goes back to the shelves. While the copy is reserved (its holder is
   * borrowing it this very moment) only who it is held for changes, so that a release puts it
   * back where it now belongs.
   */
  passOnFromHold(holdId: string, nextHold: NextHold | null, now: Date): boolean {
    if (this.heldForHoldId !== holdId) return false;
    this.holdFor(nextHold);
    const waiting = nextHold ? CopyStatus.ON_HOLD_SHELF : CopyStatus.AVAILABLE;
    if (this.isReserved()) this.reservedFromStatus = waiting;
    else this.moveTo(waiting, now);
    return true;
  }

  /**
   * A librarian takes the copy out of circulation (damaged, lost, weeded): WITHDRAWN, no longer
   * counted or lent. Only a copy back on the shelves; false when it was withdrawn already.
   */
  withdraw(now: Date): boolean {
    if (this.status === CopyStatus.WITHDRAWN) return false;
    if (this.status !== CopyStatus.AVAILABLE || this.isReserved() || this.heldForHoldId) {
      throw new CopyInUse(this.status);
    }
    this.moveTo(CopyStatus.WITHDRAWN, now);
    return true;
  }

  private holdFor(hold: NextHold | null): void {
    this.heldForHoldId = hold?.holdId ?? null;
    this.heldForMemberId = hold?.memberId ?? null;
  }

  private clearHold(): void {
    this.holdFor(null);
  }

  private clearReservation(): void {
    this.reservedFor = null;
    this.reservedBy = null;
    this.reservedFromStatus = null;
    this.reservedHoldId = null;
  }

  /** Every change of status is announced, in the same write. */
  private moveTo(status: CopyStatus, now: Date): void {
    if (status === this.status) return;
    const from = this.status;
    this.status = status;
    this.record(
      'shelfmark.inventory.copy-status-changed.v1',
      this.id,
      { copyId: this.id, bookId: this.bookId, from, to: status },
      now,
    );
  }
}
