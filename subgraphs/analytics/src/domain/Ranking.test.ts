import { rankBooks, windowStart } from './Ranking';

describe('rankBooks', () => {
  it('ranks by borrow count, breaking ties by book id, and leaves out books never borrowed', () => {
    const counts = new Map([
      ['emma', 2],
      ['quiet', 0],
      ['dune', 5],
      ['aeneid', 2],
      ['zola', 1],
    ]);
    expect(rankBooks(counts, 10)).toEqual([
      { rank: 1, bookId: 'dune', borrowCount: 5 },
      { rank: 2, bookId: 'aeneid', borrowCount: 2 },
      { rank: 3, bookId: 'emma', borrowCount: 2 },
      { rank: 4, bookId: 'zola', borrowCount: 1 },
    ]);
  });

  it('keeps the first N only', () => {
    const counts = new Map([
      ['a', 1],
      ['b', 3],
      ['c', 2],
    ]);
    expect(rankBooks(counts, 2).map((entry) => entry.bookId)).toEqual(['b', 'c']);
  });

  it('ranks nothing when nothing was borrowed', () => {
    expect(rankBooks(new Map(), 10)).toEqual([]);
  });
});

describe('windowStart', () => {
  const now = new Date('2026-05-01T12:00:00.000Z');

  it.each([
    ['LAST_7_DAYS', '2026-04-24T12:00:00.000Z'],
    ['LAST_30_DAYS', '2026-04-01T12:00:00.000Z'],
  ] as const)('starts %s that many days before now', (window, start) => {
    expect(windowStart(window, now)?.toISOString()).toBe(start);
  });

  it('has no start for ALL_TIME', () => {
    expect(windowStart('ALL_TIME', now)).toBeNull();
  });
});
