import { createEvent } from '@shelfmark/events';
import { aBookAddedEvent, errorCode, startTestSubgraph, type TestSubgraph } from '@shelfmark/testing';
import { randomUUID } from 'node:crypto';
import { analyticsSubgraph } from '../src';
import { CountBorrowOnLoanBorrowed } from '../src/adapters/events/CountBorrowOnLoanBorrowed';
import { freshStores } from '../src/adapters/persistence/stores';
import { BorrowCounter } from '../src/application/count-borrow/BorrowCounter';
import { BookStatsSchema } from '../src/adapters/persistence/book-stats.schema';
import { BorrowRecordSchema } from '../src/adapters/persistence/borrow-record.schema';

const RANKING = /* GraphQL */ `
  query Ranking($window: RankingWindow!, $subject: String, $first: Int) {
    ranking(window: $window, subject: $subject, first: $first) {
      rank
      book {
        id
      }
      borrowCount
    }
  }
`;
const BORROW_COUNTS = /* GraphQL */ `
  query BorrowCounts($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Book {
        id
        borrowCount
      }
    }
  }
`;

type Ranking = { ranking: { rank: number; book: { id: string }; borrowCount: number }[] };
type BorrowCounts = { _entities: { id: string; borrowCount: number }[] };

const NOW = new Date('2026-05-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

const bookAdded = (bookId: string, subjects: string[]) =>
  aBookAddedEvent(bookId, { title: `Title of ${bookId}`, subjects });

/** A loan of the book, as the loans context announces it. */
const loanBorrowed = (bookId: string, borrowedAt: Date) => {
  const loanId = randomUUID();
  return createEvent('shelfmark.loans.loan-borrowed.v1', loanId, {
    loanId,
    borrowId: randomUUID(),
    memberId: 'member-1',
    bookId,
    copyId: `${bookId}-copy-1`,
    holdId: null,
    borrowedAt: borrowedAt.toISOString(),
    dueAt: new Date(borrowedAt.getTime() + 21 * DAY).toISOString(),
  });
};

/** Rankings as [bookId, borrowCount] in rank order, checking the ranks run 1, 2, 3… */
const standings = (data: Ranking | null | undefined) => {
  expect(data?.ranking.map((entry) => entry.rank)).toEqual(data?.ranking.map((_, i) => i + 1));
  return data?.ranking.map((entry) => [entry.book.id, entry.borrowCount]);
};

describe('analytics subgraph (SQLite)', () => {
  let t: TestSubgraph;

  /** Delivers one loan-borrowed per borrow, each that many days before now. */
  async function borrow(bookId: string, ...ago: number[]): Promise<void> {
    for (const days of ago) await t.deliver(loanBorrowed(bookId, daysAgo(days)));
  }

  const borrowCounts = async (...ids: string[]) => {
    const reps = ids.map((id) => ({ __typename: 'Book', id }));
    const res = await t.request<BorrowCounts>(BORROW_COUNTS, { reps });
    expect(res.errors).toBeUndefined();
    return res.data?._entities.map((book) => book.borrowCount);
  };

  const rankingOf = async (window: string, subject: string) => {
    const res = await t.request<Ranking>(RANKING, { window, subject });
    expect(res.errors).toBeUndefined();
    return standings(res.data);
  };

  beforeAll(async () => {
    t = await startTestSubgraph(analyticsSubgraph({ clock: () => NOW }));
    for (const [id, subjects] of [
      ['dune', ['science fiction']],
      ['hobbit', ['fantasy', 'science fiction']],
      ['aeneid', ['poetry']],
      ['emma', ['romance']],
      ['ulysses', ['modernism']],
      ['quiet', ['science fiction']],
    ] as const) {
      await t.deliver(bookAdded(id, [...subjects]));
    }
    await borrow('dune', 1, 2, 3, 20, 100);
    await borrow('hobbit', 5, 6);
    await borrow('aeneid', 7, 4); // exactly 7 days ago is inside LAST_7_DAYS
    await borrow('emma', 1, 10, 11, 12, 13, 200);
    await borrow('ulysses', 40, 50, 60, 70, 80, 90, 100);
  });
  afterAll(() => t.stop());

  describe('ranking', () => {
    it('ranks all time by borrow count, ties by book id, leaving out books never borrowed', async () => {
      const res = await t.request<Ranking>(RANKING, { window: 'ALL_TIME' });
      expect(res.errors).toBeUndefined();
      expect(standings(res.data)).toEqual([
        ['ulysses', 7],
        ['emma', 6],
        ['dune', 5],
        ['aeneid', 2],
        ['hobbit', 2],
      ]);
    });

    it('ranks all time when no window is given', async () => {
      const res = await t.request<Ranking>(`{ ranking { rank book { id } borrowCount } }`);
      expect(standings(res.data)?.[0]).toEqual(['ulysses', 7]);
    });

    it('counts only the last 30 days for LAST_30_DAYS', async () => {
      const res = await t.request<Ranking>(RANKING, { window: 'LAST_30_DAYS' });
      expect(standings(res.data)).toEqual([
        ['emma', 5],
        ['dune', 4],
        ['aeneid', 2],
        ['hobbit', 2],
      ]);
    });

    it('counts only the last 7 days for LAST_7_DAYS, its first moment included', async () => {
      const res = await t.request<Ranking>(RANKING, { window: 'LAST_7_DAYS' });
      expect(standings(res.data)).toEqual([
        ['dune', 3],
        ['aeneid', 2],
        ['hobbit', 2],
        ['emma', 1],
      ]);
    });

    it.each([
      [
        'ALL_TIME',
        [
          ['dune', 5],
          ['hobbit', 2],
        ],
      ],
      [
        'LAST_30_DAYS',
        [
          ['dune', 4],
          ['hobbit', 2],
        ],
      ],
      [
        'LAST_7_DAYS',
        [
          ['dune', 3],
          ['hobbit', 2],
        ],
      ],
    ])('ranks %s within a subject, whatever its case and spacing', async (window, expected) => {
      const res = await t.request<Ranking>(RANKING, { window, subject: '  Science   FICTION ' });
      expect(res.errors).toBeUndefined();
      expect(standings(res.data)).toEqual(expected);
    });

    it('ranks a subject only with the borrows inside the window', async () => {
      // Ulysses, the one modernist book, was last borrowed 40 days ago.
      const rankings = await Promise.all(
        ['ALL_TIME', 'LAST_30_DAYS', 'LAST_7_DAYS'].map((window) =>
          t.request<Ranking>(RANKING, { window, subject: 'modernism' }),
        ),
      );
      expect(rankings.map((res) => standings(res.data))).toEqual([[['ulysses', 7]], [], []]);
    });

    it.each(['ALL_TIME', 'LAST_30_DAYS', 'LAST_7_DAYS'])(
      'ranks nothing in %s for a subject no book has',
      async (window) => {
        const res = await t.request<Ranking>(RANKING, { window, subject: 'cookery' });
        expect(res.errors).toBeUndefined();
        expect(res.data?.ranking).toEqual([]);
      },
    );

    it('returns the first N only', async () => {
      for (const window of ['ALL_TIME', 'LAST_30_DAYS', 'LAST_7_DAYS']) {
        const res = await t.request<Ranking>(RANKING, { window, first: 2 });
        expect(res.data?.ranking).toHaveLength(2);
        expect(res.data?.ranking.map((entry) => entry.rank)).toEqual([1, 2]);
      }
    });

    it.each([0, 101, -1])('refuses first: %i with BAD_USER_INPUT naming the argument', async (first) => {
      const res = await t.request(RANKING, { window: 'ALL_TIME', first });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.['field']).toBe('first');
    });
  });

  describe('Book.borrowCount', () => {
    it('counts borrows of several books in one request, 0 for books never borrowed or unknown', async () => {
      const reps = ['dune', 'quiet', 'ulysses', 'never-heard-of'].map((id) => ({ __typename: 'Book', id }));
      const res = await t.request<BorrowCounts>(BORROW_COUNTS, { reps });
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual([
        { id: 'dune', borrowCount: 5 },
        { id: 'quiet', borrowCount: 0 },
        { id: 'ulysses', borrowCount: 7 },
        { id: 'never-heard-of', borrowCount: 0 },
      ]);
    });
  });

  describe('learning books from book-added', () => {
    it('records a book once however often the event comes, and never resets its counts', async () => {
      const again = bookAdded('dune', ['something else']);
      await t.deliver(again);
      await t.deliver(again);
      const em = t.subgraph.orm.em.fork();
      expect(await em.count(BookStatsSchema, { bookId: 'dune' })).toBe(1);
      expect(await em.findOne(BookStatsSchema, { bookId: 'dune' })).toMatchObject({
        subjects: ['science fiction'],
        borrowCount: 5,
        lastBorrowedAt: daysAgo(1),
      });
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('keeps the subjects the catalogue gave, so a new book can be ranked within them', async () => {
      await t.deliver(bookAdded('neuromancer', ['Cyberpunk', 'science fiction']));
      expect(
        await t.subgraph.orm.em.fork().findOne(BookStatsSchema, { bookId: 'neuromancer' }),
      ).toMatchObject({
        title: 'Title of neuromancer',
        subjects: ['cyberpunk', 'science fiction'],
        borrowCount: 0,
        lastBorrowedAt: null,
      });
      await borrow('neuromancer', 2);
      const res = await t.request<Ranking>(RANKING, { window: 'LAST_7_DAYS', subject: 'cyberpunk' });
      expect(standings(res.data)).toEqual([['neuromancer', 1]]);
    });
  });

  describe('counting borrows from loan-borrowed', () => {
    it('counts a borrow in every window and in Book.borrowCount', async () => {
      await t.deliver(bookAdded('solaris', ['polish literature']));
      await borrow('solaris', 0);
      expect(await borrowCounts('solaris')).toEqual([1]);
      for (const window of ['ALL_TIME', 'LAST_30_DAYS', 'LAST_7_DAYS']) {
        expect(await rankingOf(window, 'polish literature')).toEqual([['solaris', 1]]);
      }
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('counts an event delivered twice, and again after a restart, once', async () => {
      await t.deliver(bookAdded('twice', ['repetition']));
      const event = loanBorrowed('twice', daysAgo(1));
      await t.deliver(event);
      await t.deliver(event);
      expect(await borrowCounts('twice')).toEqual([1]);

      await t.restart();
      await t.deliver(event);
      expect(await borrowCounts('twice')).toEqual([1]);
      expect(await rankingOf('LAST_7_DAYS', 'repetition')).toEqual([['twice', 1]]);
      expect(await t.subgraph.orm.em.fork().count(BorrowRecordSchema, { bookId: 'twice' })).toBe(1);
    });

    it('counts 10 distinct borrows of one book delivered in parallel', async () => {
      await t.deliver(bookAdded('popular', ['crowds']));
      await Promise.all(Array.from({ length: 10 }, () => t.deliver(loanBorrowed('popular', daysAgo(1)))));
      expect(await borrowCounts('popular')).toEqual([10]);
      expect(await rankingOf('LAST_7_DAYS', 'crowds')).toEqual([['popular', 10]]);
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('counts the same event delivered 5 times in parallel once', async () => {
      await t.deliver(bookAdded('echo', ['echoes']));
      const event = loanBorrowed('echo', daysAgo(1));
      await Promise.all(Array.from({ length: 5 }, () => t.deliver(event)));
      expect(await borrowCounts('echo')).toEqual([1]);
      expect(await rankingOf('LAST_7_DAYS', 'echoes')).toEqual([['echo', 1]]);
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('counts exactly once when replicas handle borrows of one book at the same moment', async () => {
      // The in-process bus hands one consumer its events one at a time; replicas (or a Kafka
      // redelivery while the handler still runs) do not: their writes race on the book's row.
      await t.deliver(bookAdded('contested', ['rivalry']));
      const replicas = Array.from(
        { length: 5 },
        () => new CountBorrowOnLoanBorrowed(new BorrowCounter(freshStores(t.subgraph.orm))),
      );
      const distinct = replicas.map(() => loanBorrowed('contested', daysAgo(2)));
      await Promise.all(replicas.map((replica, i) => replica.handle(distinct[i]!)));
      const same = loanBorrowed('contested', daysAgo(3));
      await Promise.all(replicas.map((replica) => replica.handle(same)));

      expect(await borrowCounts('contested')).toEqual([6]);
      expect(await rankingOf('LAST_7_DAYS', 'rivalry')).toEqual([['contested', 6]]);
    });

    it('counts a borrow of a book before its book-added, which then gives it its subjects', async () => {
      await borrow('foundation', 3);
      await borrow('foundation', 4);
      expect(await borrowCounts('foundation')).toEqual([2]);
      expect(await t.subgraph.orm.em.fork().findOne(BookStatsSchema, { bookId: 'foundation' })).toMatchObject(
        {
          title: null,
          subjects: [],
        },
      );
      expect(await rankingOf('ALL_TIME', 'galactic empire')).toEqual([]);

      await t.deliver(bookAdded('foundation', ['Galactic  Empire']));
      expect(await borrowCounts('foundation')).toEqual([2]);
      for (const window of ['ALL_TIME', 'LAST_30_DAYS', 'LAST_7_DAYS']) {
        expect(await rankingOf(window, 'galactic empire')).toEqual([['foundation', 2]]);
      }
      expect(await t.subgraph.orm.em.fork().findOne(BookStatsSchema, { bookId: 'foundation' })).toMatchObject(
        {
          title: 'Title of foundation',
          borrowCount: 2,
          lastBorrowedAt: daysAgo(3),
        },
      );
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('leaves borrows older than the window out of it, by when they were borrowed', async () => {
      await t.deliver(bookAdded('chronicle', ['annals']));
      await borrow('chronicle', 0, 6.9, 7.1, 29, 31, 365);
      expect(await rankingOf('ALL_TIME', 'annals')).toEqual([['chronicle', 6]]);
      expect(await rankingOf('LAST_30_DAYS', 'annals')).toEqual([['chronicle', 4]]);
      expect(await rankingOf('LAST_7_DAYS', 'annals')).toEqual([['chronicle', 2]]);
    });
  });
});
