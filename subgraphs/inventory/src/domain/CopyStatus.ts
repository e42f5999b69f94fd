/**
 * Where a copy is in its life. Circulation moves it between AVAILABLE, ON_LOAN and ON_HOLD_SHELF;
 * LOST and WITHDRAWN take it out of circulation (it no longer counts towards a book's total).
 */
export const CopyStatus = {
  AVAILABLE: 'AVAILABLE',
  ON_LOAN: 'ON_LOAN',
  ON_HOLD_SHELF: 'ON_HOLD_SHELF',
  LOST: 'LOST',
  WITHDRAWN: 'WITHDRAWN',
} as const;

export type CopyStatus = (typeof CopyStatus)[keyof typeof CopyStatus];

export const COPY_STATUSES: readonly CopyStatus[] = Object.values(CopyStatus);

/** Statuses of copies the library no longer has to lend. */
export const OUT_OF_CIRCULATION: ReadonlySet<CopyStatus> = new Set([CopyStatus.LOST, CopyStatus.WITHDRAWN]);
