// Application plumbing shared by the use cases, not a use case: it stays at application/ root.
/**
 * The synchronous calls loans makes to other contexts. Adapters relay a refusal (a rule the other
 * context enforced: NO_COPY_AVAILABLE, INSUFFICIENT_POINTS, …) as that DomainError, which means
 * nothing was done; any other failure is ServiceUnavailable, which means the outcome is unknown.
 */

/** One copy inventory set aside for a borrowBooks request. */
export interface CopyReservation {
  readonly bookId: string;
  readonly copyId: string;
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

/** Inventory: atomically reserves one lendable copy of each book, all or nothing. */
export interface CopyReservations {
  reserve(request: ReserveCopies): Promise<CopyReservation[]>;
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
