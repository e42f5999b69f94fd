import { COPY_STATUSES, CopyStatus, OUT_OF_CIRCULATION } from './CopyStatus';

/** How many copies of a book the library has, and where they are. */
export interface Availability {
  /** Copies in circulation: every copy that is neither LOST nor WITHDRAWN. */
  readonly total: number;
  readonly available: number;
  readonly onLoan: number;
  readonly onHoldShelf: number;
}

/** How many copies of one book are in each status; a missing status means none. */
export type StatusCounts = Readonly<Partial<Record<CopyStatus, number>>>;

export const NO_COPIES: Availability = { total: 0, available: 0, onLoan: 0, onHoldShelf: 0 };

export function availabilityOf(counts: StatusCounts): Availability {
  const count = (status: CopyStatus) => counts[status] ?? 0;
  return {
    total: COPY_STATUSES.filter((status) => !OUT_OF_CIRCULATION.has(status)).reduce(
      (sum, s) => sum + count(s),
      0,
    ),
    available: count(CopyStatus.AVAILABLE),
    onLoan: count(CopyStatus.ON_LOAN),
    onHoldShelf: count(CopyStatus.ON_HOLD_SHELF),
  };
}
