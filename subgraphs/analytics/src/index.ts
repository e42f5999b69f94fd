export { analyticsSubgraph, type AnalyticsOptions } from './analyticsSubgraph';
export { BookStats, BorrowRecord, RankingWindow } from './domain';
