export { BookStats, normaliseSubject, type CataloguedBook } from './BookStats';
export type { BookStatsRepository } from './BookStatsRepository';
export { BorrowRecord } from './BorrowRecord';
export type { BorrowRecordRepository } from './BorrowRecordRepository';
export { rankBooks, RankingWindow, windowStart, type RankingEntry } from './Ranking';
