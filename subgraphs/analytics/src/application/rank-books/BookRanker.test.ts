import { BookStats, BorrowRecord, RankingWindow } from '../../domain';
import { InMemoryBookStatsRepository, InMemoryBorrowRecordRepository } from '../../../test/support/fakes';
import { BookRanker } from './BookRanker';

const DAY = 24 * 60 * 60 * 1000;

describe('BookRanker', () => {
  let now: Date;
  let ranker: BookRanker;

  beforeEach(async () => {
    now = new Date('2026-05-01T12:00:00Z');
    const stats = new InMemoryBookStatsRepository();
    const records = new InMemoryBorrowRecordRepository();
    ranker = new BookRanker(stats, records, () => now);
    await stats.add(
      BookStats.fromCatalogue({ bookId: 'dune', title: 'Dune', subjects: ['science fiction'] }),
    );
    for (const [loanId, daysAgo] of [
      ['loan-1', 1],
      ['loan-2', 10],
    ] as const) {
      await records.addIfAbsent(BorrowRecord.of(loanId, 'dune', new Date(now.getTime() - daysAgo * DAY)));
    }
  });

  it('counts the windows back from its clock, not from the system time', async () => {
    const rank = (window: RankingWindow) => ranker.rank({ window, subject: null, first: 10 });
    expect(await rank(RankingWindow.LAST_7_DAYS)).toEqual([{ rank: 1, bookId: 'dune', borrowCount: 1 }]);

    now = new Date(now.getTime() + 7 * DAY);
    expect(await rank(RankingWindow.LAST_7_DAYS)).toEqual([]);
    expect(await rank(RankingWindow.LAST_30_DAYS)).toEqual([{ rank: 1, bookId: 'dune', borrowCount: 2 }]);
  });
});
