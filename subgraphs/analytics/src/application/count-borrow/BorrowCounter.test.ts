import { BookStats } from '../../domain';
import {
  InMemoryBookStatsRepository,
  InMemoryBorrowRecordRepository,
  LostRace,
} from '../../../test/support/fakes';
import { BookRecorder } from '../record-book/BookRecorder';
import { BorrowCounter, type AnnouncedBorrow } from './BorrowCounter';

const monday = new Date('2026-04-27T10:00:00Z');
const tuesday = new Date('2026-04-28T10:00:00Z');

const aBorrow = (overrides: Partial<AnnouncedBorrow> = {}): AnnouncedBorrow => ({
  eventId: 'evt-1',
  loanId: 'loan-1',
  bookId: 'dune',
  borrowedAt: monday,
  ...overrides,
});

describe('BorrowCounter', () => {
  let stats: InMemoryBookStatsRepository;
  let records: InMemoryBorrowRecordRepository;
  let counter: BorrowCounter;

  beforeEach(async () => {
    stats = new InMemoryBookStatsRepository();
    records = new InMemoryBorrowRecordRepository();
    counter = new BorrowCounter(() => ({ stats, records }));
    await stats.add(
      BookStats.fromCatalogue({ bookId: 'dune', title: 'Dune', subjects: ['science fiction'] }),
    );
  });

  const dune = async () => (await stats.byId('dune'))!;

  it('counts a borrow on its book and records it for the windows', async () => {
    expect(await counter.count(aBorrow())).toBe('counted');
    expect(await dune()).toMatchObject({ borrowCount: 1, lastBorrowedAt: monday });
    expect((await dune()).hasHandled('evt-1')).toBe(true);
    expect(records.all()).toEqual([{ loanId: 'loan-1', bookId: 'dune', borrowedAt: monday }]);
  });

  it('counts each loan of a book, remembering the latest borrow', async () => {
    await counter.count(aBorrow({ eventId: 'evt-2', loanId: 'loan-2', borrowedAt: tuesday }));
    await counter.count(aBorrow());
    expect(await dune()).toMatchObject({ borrowCount: 2, lastBorrowedAt: tuesday });
    expect(await records.countsByBook(monday, tuesday)).toEqual(new Map([['dune', 2]]));
  });

  it('changes nothing when the same event is delivered again', async () => {
    await counter.count(aBorrow());
    const writes = stats.writes;
    expect(await counter.count(aBorrow())).toBe('already-counted');
    expect((await dune()).borrowCount).toBe(1);
    expect(records.all()).toHaveLength(1);
    expect(stats.writes).toBe(writes);
  });

  it('counts a loan once even when another event announces it again', async () => {
    await counter.count(aBorrow());
    expect(await counter.count(aBorrow({ eventId: 'evt-again' }))).toBe('already-counted');
    expect((await dune()).borrowCount).toBe(1);
  });

  it('only records the loan when a delivery stopped after counting it', async () => {
    const counted = await dune();
    counted.countBorrow('evt-1', monday);
    await stats.save(counted);

    expect(await counter.count(aBorrow())).toBe('already-counted');
    expect((await dune()).borrowCount).toBe(1);
    expect(records.all()).toEqual([{ loanId: 'loan-1', bookId: 'dune', borrowedAt: monday }]);
  });

  it('counts a borrow of a book the catalogue has not announced, without subjects', async () => {
    expect(await counter.count(aBorrow({ bookId: 'emma' }))).toBe('counted');
    expect(await stats.byId('emma')).toMatchObject({
      title: null,
      subjects: [],
      borrowCount: 1,
      lastBorrowedAt: monday,
    });
  });

  it('keeps the count of a book borrowed before the catalogue announced it, which then gives its subjects', async () => {
    await counter.count(aBorrow({ bookId: 'emma' }));
    await counter.count(aBorrow({ eventId: 'evt-2', loanId: 'loan-2', bookId: 'emma' }));

    const recorder = new BookRecorder(() => ({ stats }));
    expect(await recorder.record({ bookId: 'emma', title: 'Emma', subjects: ['Romance'] })).toBe(
      'catalogued',
    );
    expect(await stats.byId('emma')).toMatchObject({
      title: 'Emma',
      subjects: ['romance'],
      subjectsKey: '|romance|',
      borrowCount: 2,
    });
  });

  describe('when deliveries race', () => {
    it('lets the later writer of a book lose, recording nothing, and counts it on the next attempt', async () => {
      const [first, second] = await Promise.allSettled([
        counter.count(aBorrow()),
        counter.count(aBorrow({ eventId: 'evt-2', loanId: 'loan-2' })),
      ]);
      expect(first).toEqual({ status: 'fulfilled', value: 'counted' });
      expect(second).toMatchObject({ status: 'rejected', reason: expect.any(LostRace) });
      expect(records.all().map((record) => record.loanId)).toEqual(['loan-1']);

      expect(await counter.count(aBorrow({ eventId: 'evt-2', loanId: 'loan-2' }))).toBe('counted');
      expect((await dune()).borrowCount).toBe(2);
    });

    it('counts the same event once when it is delivered twice at the same time', async () => {
      const [, second] = await Promise.allSettled([counter.count(aBorrow()), counter.count(aBorrow())]);
      expect(second).toMatchObject({ status: 'rejected', reason: expect.any(LostRace) });

      expect(await counter.count(aBorrow())).toBe('already-counted');
      expect((await dune()).borrowCount).toBe(1);
      expect(records.all()).toHaveLength(1);
    });

    it('counts both first borrows of an unknown book when both try to start its statistics', async () => {
      const [, second] = await Promise.allSettled([
        counter.count(aBorrow({ bookId: 'emma' })),
        counter.count(aBorrow({ eventId: 'evt-2', loanId: 'loan-2', bookId: 'emma' })),
      ]);
      expect(second).toMatchObject({ status: 'rejected', reason: expect.any(LostRace) });

      await counter.count(aBorrow({ eventId: 'evt-2', loanId: 'loan-2', bookId: 'emma' }));
      expect((await stats.byId('emma'))?.borrowCount).toBe(2);
    });
  });
});
