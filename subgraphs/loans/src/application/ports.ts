// Application plumbing shared by the use cases, not a use case: it stays at application/ root.
/**
 * The synchronous calls loans makes to other contexts. Adapters relay a refusal (a rule the other
 * context enforced: NO_COPY_AVAILABLE, INSUFFICIENT_POINTS, …) as that DomainError, which means
 * nothing was done; any other failure is ServiceUnavailable, which means the outcome is unknown.
 */

/** One copy inventory set aside for a borrowBooks request or a checkOut. */
export interface CopyReservation {
  readonly bookId: string;
  readonly copyId: string;
  /** The label on the copy: kept on the loan, so the desk can check the copy in by it. */
  readonly barcode: string;
  /** The hold the copy was waiting on the hold shelf for, if it was. */
  readonly holdId: string | null;
}

export interface ReserveCopies {
  readonly borrowId: string;
  readonly bookIds: readonly string[];
  /** After this instant inventory must not reserve anything for the request (loans gave up). */
  readonly deadline: Date;
  readonly authorization: string | null;
}

export interface ReserveNamedCopies {
  readonly borrowId: string;
  /** Who the copies are lent to (not the librarian calling). */
  readonly memberId: string;
  /** As the librarian typed or scanned them. */
  readonly barcodes: readonly string[];
  readonly deadline: Date;
  /** The librarian's `Authorization` header: inventory lets staff only reserve for someone else. */
  readonly authorization: string | null;
}

export interface CopyReservations {
  /** Inventory: atomically reserves one lendable copy of each book for the caller, all or nothing. */
  reserve(request: ReserveCopies): Promise<CopyReservation[]>;
  /** Inventory: atomically reserves these very copies for the member, all or nothing (staff only). */
  reserveByBarcode(request: ReserveNamedCopies): Promise<CopyReservation[]>;
}

export interface SpendForHold {
  readonly holdId: string;
  readonly points: number;
  readonly deadline: Date;
  readonly authorization: string | null;
}

/** Members: takes a hold's points from the caller's balance (idempotent per hold). */
export interface PointsAccount {
  spendForHold(request: SpendForHold): Promise<number>;
}
