import type { BookStatsRepository, BorrowRecordRepository } from '../domain';

/** Analytics' repositories over one unit of work. Writers open a fresh one per attempt. */
export interface AnalyticsStores {
  readonly stats: BookStatsRepository;
  readonly records: BorrowRecordRepository;
}
