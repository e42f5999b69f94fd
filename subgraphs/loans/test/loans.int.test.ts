import { errorCode, startTestSubgraph, type TestSubgraph } from '@shelfmark/testing';
import { loansSubgraph } from '../src';
import { aHold, aLoan } from './support/builders';

const MEMBER_LOANS = /* GraphQL */ `
  query MemberLoans($reps: [_Any!]!, $status: LoanStatus) {
    _entities(representations: $reps) {
      ... on Member {
        id
        loans(status: $status) {
          id
          status
          book {
            id
          }
          copy {
            id
          }
          member {
            id
          }
          borrowedAt
          dueAt
          returnedAt
          renewals
        }
      }
    }
  }
`;
const MEMBER_HOLDS = /* GraphQL */ `
  query MemberHolds($reps: [_Any!]!, $status: HoldStatus) {
    _entities(representations: $reps) {
      ... on Member {
        id
        holds(status: $status) {
          id
          status
          book {
            id
          }
          member {
            id
          }
          position
          placedAt
          readyUntil
          pointsSpent
        }
      }
    }
  }
`;
const HOLD_QUEUE = /* GraphQL */ `
  query HoldQueue($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Book {
        id
        holdQueue {
          id
          position
          member {
            id
          }
          placedAt
        }
      }
    }
  }
`;

type Loans = { _entities: ({ id: string; loans: { id: string; status: string }[] | null } | null)[] };
type Holds = { _entities: ({ id: string; holds: { id: string; status: string }[] | null } | null)[] };
type Queue = { _entities: { id: string; holdQueue: { id: string; position: number | null }[] }[] };

const member = (id: string) => ({ __typename: 'Member', id });
const book = (id: string) => ({ __typename: 'Book', id });
const ids = (items: readonly { id: string }[] | null | undefined) => items?.map((item) => item.id);

describe('loans subgraph (SQLite)', () => {
  let t: TestSubgraph;
  let ada: string;
  let bob: string;
  let librarian: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestSubgraph(loansSubgraph());
    ada = await t.tokenFor({ memberId: 'ada', role: 'MEMBER' });
    bob = await t.tokenFor({ memberId: 'bob', role: 'MEMBER' });
    librarian = await t.tokenFor({ memberId: 'lib', role: 'LIBRARIAN' });
    admin = await t.tokenFor({ memberId: 'root', role: 'ADMIN' });

    const em = t.subgraph.orm.em.fork();
    em.persist([
      aLoan({
        id: 'ada-active',
        memberId: 'ada',
        bookId: 'dune',
        copyId: 'dune-1',
        borrowedAt: new Date('2026-03-10T09:00:00Z'),
        renewals: 1,
      }),
      aLoan({
        id: 'ada-returned',
        memberId: 'ada',
        bookId: 'emma',
        borrowedAt: new Date('2026-01-05T09:00:00Z'),
        returnedAt: new Date('2026-01-12T15:30:00Z'),
        status: 'RETURNED',
      }),
      aLoan({
        id: 'ada-overdue',
        memberId: 'ada',
        bookId: 'ulysses',
        borrowedAt: new Date('2026-02-01T09:00:00Z'),
        status: 'OVERDUE',
      }),
      aLoan({ id: 'bob-active', memberId: 'bob', bookId: 'dune', copyId: 'dune-2' }),
      aHold({
        id: 'bob-waits',
        memberId: 'bob',
        bookId: 'dune',
        placedAt: new Date('2026-03-11T08:00:00Z'),
      }),
      aHold({
        id: 'ada-waits',
        memberId: 'ada',
        bookId: 'dune',
        placedAt: new Date('2026-03-12T08:00:00Z'),
        pointsSpent: 15,
      }),
      aHold({
        id: 'cy-cancelled',
        memberId: 'cy',
        bookId: 'dune',
        status: 'CANCELLED',
        placedAt: new Date('2026-03-01T08:00:00Z'),
      }),
      aHold({
        id: 'ada-ready',
        memberId: 'ada',
        bookId: 'emma',
        status: 'READY',
        placedAt: new Date('2026-02-20T08:00:00Z'),
        readyUntil: new Date('2026-03-15T18:00:00Z'),
      }),
    ]);
    await em.flush();
  });
  afterAll(() => t.stop());

  describe('Member.loans', () => {
    it('shows a member all their loans, newest first, with every field', async () => {
      const res = await t.request<Loans>(MEMBER_LOANS, { reps: [member('ada')] }, { token: ada });
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual([
        {
          id: 'ada',
          loans: [
            {
              id: 'ada-active',
              status: 'ACTIVE',
              book: { id: 'dune' },
              copy: { id: 'dune-1' },
              member: { id: 'ada' },
              borrowedAt: '2026-03-10T09:00:00.000Z',
              dueAt: '2026-03-24T09:00:00.000Z',
              returnedAt: null,
              renewals: 1,
            },
            expect.objectContaining({ id: 'ada-overdue', status: 'OVERDUE' }),
            expect.objectContaining({
              id: 'ada-returned',
              status: 'RETURNED',
              returnedAt: '2026-01-12T15:30:00.000Z',
            }),
          ],
        },
      ]);
    });

    it('filters by status', async () => {
      const active = await t.request<Loans>(
        MEMBER_LOANS,
        { reps: [member('ada')], status: 'ACTIVE' },
        { token: ada },
      );
      expect(ids(active.data?._entities[0]?.loans)).toEqual(['ada-active']);
      const returned = await t.request<Loans>(
        MEMBER_LOANS,
        { reps: [member('ada')], status: 'RETURNED' },
        { token: ada },
      );
      expect(ids(returned.data?._entities[0]?.loans)).toEqual(['ada-returned']);
    });

    it("lets librarians and admins read several members' loans in one request, each their own", async () => {
      for (const token of [librarian, admin]) {
        const res = await t.request<Loans>(
          MEMBER_LOANS,
          { reps: [member('bob'), member('ada'), member('nobody')], status: 'ACTIVE' },
          { token },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data?._entities.map((m) => [m?.id, ids(m?.loans)])).toEqual([
          ['bob', ['bob-active']],
          ['ada', ['ada-active']],
          ['nobody', []],
        ]);
      }
    });

    it("refuses another member's loans with FORBIDDEN and anonymous callers with UNAUTHENTICATED", async () => {
      const forbidden = await t.request<Loans>(MEMBER_LOANS, { reps: [member('ada')] }, { token: bob });
      expect(errorCode(forbidden)).toBe('FORBIDDEN');
      // Only the refused field is null: the rest of the member still resolves.
      expect(forbidden.data?._entities).toEqual([{ id: 'ada', loans: null }]);

      const anonymous = await t.request<Loans>(MEMBER_LOANS, { reps: [member('ada')] });
      expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
      expect(anonymous.data?._entities).toEqual([{ id: 'ada', loans: null }]);
    });
  });

  describe('Member.holds', () => {
    it('shows a member their holds, newest first, with every field', async () => {
      const res = await t.request<Holds>(MEMBER_HOLDS, { reps: [member('ada')] }, { token: ada });
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual([
        {
          id: 'ada',
          holds: [
            {
              id: 'ada-waits',
              status: 'WAITING',
              book: { id: 'dune' },
              member: { id: 'ada' },
              position: 2,
              placedAt: '2026-03-12T08:00:00.000Z',
              readyUntil: null,
              pointsSpent: 15,
            },
            {
              id: 'ada-ready',
              status: 'READY',
              book: { id: 'emma' },
              member: { id: 'ada' },
              position: null,
              placedAt: '2026-02-20T08:00:00.000Z',
              readyUntil: '2026-03-15T18:00:00.000Z',
              pointsSpent: 10,
            },
          ],
        },
      ]);
    });

    it('filters by status, for the member and for a librarian', async () => {
      const own = await t.request<Holds>(
        MEMBER_HOLDS,
        { reps: [member('ada')], status: 'READY' },
        { token: ada },
      );
      expect(ids(own.data?._entities[0]?.holds)).toEqual(['ada-ready']);
      const staff = await t.request<Holds>(
        MEMBER_HOLDS,
        { reps: [member('cy')], status: 'CANCELLED' },
        { token: librarian },
      );
      expect(ids(staff.data?._entities[0]?.holds)).toEqual(['cy-cancelled']);
    });

    it("refuses another member's holds with FORBIDDEN and anonymous callers with UNAUTHENTICATED", async () => {
      expect(errorCode(await t.request(MEMBER_HOLDS, { reps: [member('bob')] }, { token: ada }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.request(MEMBER_HOLDS, { reps: [member('bob')] }))).toBe('UNAUTHENTICATED');
    });

    it('authorises each member of a batch on its own', async () => {
      const res = await t.request<Holds>(
        MEMBER_HOLDS,
        { reps: [member('ada'), member('bob')] },
        { token: ada },
      );
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(res.errors?.[0]?.path).toEqual(['_entities', 1, 'holds']);
      expect(res.data?._entities.map((m) => (m?.holds ? ids(m.holds) : null))).toEqual([
        ['ada-waits', 'ada-ready'],
        null,
      ]);
    });
  });

  describe('Book.holdQueue', () => {
    it("lists a book's WAITING holds, first placed first, for several books at once", async () => {
      const res = await t.request<Queue>(HOLD_QUEUE, {
        reps: [book('dune'), book('emma'), book('unheard-of')],
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual([
        {
          id: 'dune',
          holdQueue: [
            { id: 'bob-waits', position: 1, member: { id: 'bob' }, placedAt: '2026-03-11T08:00:00.000Z' },
            { id: 'ada-waits', position: 2, member: { id: 'ada' }, placedAt: '2026-03-12T08:00:00.000Z' },
          ],
        },
        { id: 'emma', holdQueue: [] },
        { id: 'unheard-of', holdQueue: [] },
      ]);
    });
  });

  describe('entity references', () => {
    it('resolves Loan and Hold representations in one request, null for an unknown id', async () => {
      const res = await t.request(
        /* GraphQL */ `
          query Refs($reps: [_Any!]!) {
            _entities(representations: $reps) {
              ... on Loan {
                id
                loanStatus: status
                renewals
                member {
                  id
                }
              }
              ... on Hold {
                id
                holdStatus: status
                position
                book {
                  id
                }
              }
            }
          }
        `,
        {
          reps: [
            { __typename: 'Loan', id: 'bob-active' },
            { __typename: 'Hold', id: 'ada-ready' },
            { __typename: 'Loan', id: 'ada-returned' },
            { __typename: 'Loan', id: 'no-such-loan' },
            { __typename: 'Hold', id: 'no-such-hold' },
          ],
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual([
        { id: 'bob-active', loanStatus: 'ACTIVE', renewals: 0, member: { id: 'bob' } },
        { id: 'ada-ready', holdStatus: 'READY', position: null, book: { id: 'emma' } },
        { id: 'ada-returned', loanStatus: 'RETURNED', renewals: 0, member: { id: 'ada' } },
        null,
        null,
      ]);
    });

    it('keeps what it stored across a restart', async () => {
      await t.restart();
      const res = await t.request<Loans>(MEMBER_LOANS, { reps: [member('bob')] }, { token: bob });
      expect(ids(res.data?._entities[0]?.loans)).toEqual(['bob-active']);
    });
  });
});
