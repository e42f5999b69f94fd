export const RankingWindow = {
  ALL_TIME: 'ALL_TIME',
  LAST_7_DAYS: 'LAST_7_DAYS',
  LAST_30_DAYS: 'LAST_30_DAYS',
} as const;
export type RankingWindow = (typeof RankingWindow)[keyof typeof RankingWindow];

const DAY_MS = 24 * 60 * 60 * 1000;
const WINDOW_DAYS: Record<RankingWindow, number | null> = {
  ALL_TIME: null,
  LAST_7_DAYS: 7,
  LAST_30_DAYS: 30,
};

/** When a window starts, seen from `now`; null for all time. */
export function windowStart(window: RankingWindow, now: Date): Date | null {
  const days = WINDOW_DAYS[window];
  return days === null ? null : new Date(now.getTime() - days * DAY_MS);
}

export interface RankingEntry {
  /** 1 for the most borrowed; books with equal counts get consecutive ranks in book id order. */
  readonly rank: number;
  readonly bookId: string;
  readonly borrowCount: number;
}

/** The `first` most borrowed books: most borrows first, ties by book id; never-borrowed books are not ranked. */
export function rankBooks(borrowCounts: ReadonlyMap<string, number>, first: number): RankingEntry[] {
  return [...borrowCounts]
    .filter(([, count]) => count > 0)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, first)
    .map(([bookId, borrowCount], index) => ({ rank: index + 1, bookId, borrowCount }));
}
