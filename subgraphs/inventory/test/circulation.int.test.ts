import type { FilterQuery } from '@mikro-orm/core';
import type { CloudEvent } from '@shelfmark/events';
import { errorCode, startTestSubgraph, type TestSubgraph } from '@shelfmark/testing';
import { randomUUID } from 'node:crypto';
import { inventorySubgraph } from '../src';
import { CopySchema } from '../src/adapters/persistence/copy.schema';
import type { Copy } from '../src/domain';
import { aBookAddedEvent, aLoansEvent } from './support/builders';

const RESERVE_COPIES = /* GraphQL */ `
  mutation ReserveCopies($borrowId: ID!, $bookIds: [ID!]!, $deadline: DateTime!) {
    reserveCopies(borrowId: $borrowId, bookIds: $bookIds, deadline: $deadline) {
      bookId
      copyId
      holdId
    }
  }
`;
const AVAILABILITY = /* GraphQL */ `
  query Availability($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Book {
        availability {
          total
          available
          onLoan
          onHoldShelf
        }
      }
    }
  }
`;

interface Reservation {
  bookId: string;
  copyId: string;
  holdId: string | null;
}

describe('circulation in inventory: reservations and the copy moves loans drives', () => {
  let t: TestSubgraph;
  let librarian: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestSubgraph(inventorySubgraph());
    librarian = await t.tokenFor({ memberId: 'librarian', role: 'LIBRARIAN' });
  });
  afterAll(() => t.stop());

  const tokenOf = async (memberId: string) => {
    if (!tokens.has(memberId)) tokens.set(memberId, await t.tokenFor({ memberId, role: 'MEMBER' }));
    return tokens.get(memberId)!;
  };
  const inAMinute = () => new Date(Date.now() + 60_000).toISOString();
  /** As member `memberId` (m1 unless given), or anonymously when null. */
  const reserve = async (
    bookIds: string[],
    {
      memberId = 'm1',
      borrowId = randomUUID(),
      deadline = inAMinute(),
    }: { memberId?: string | null; borrowId?: string; deadline?: string } = {},
  ) =>
    t.request<{ reserveCopies: Reservation[] }>(
      RESERVE_COPIES,
      { borrowId, bookIds, deadline },
      memberId ? { token: await tokenOf(memberId) } : {},
    );
  /** A book catalogue announced, with `count` copies; returns the book id and its copy ids. */
  const aBookWithCopies = async (count: number, title = 'Dune') => {
    const bookId = randomUUID();
    await t.deliver(aBookAddedEvent(bookId, { title }));
    const res = await t.request<{ addCopies: { id: string }[] }>(
      'mutation($bookId: ID!, $count: Int!) { addCopies(bookId: $bookId, count: $count) { id } }',
      { bookId, count },
      { token: librarian },
    );
    expect(res.errors).toBeUndefined();
    return { bookId, copyIds: res.data!.addCopies.map((c) => c.id) };
  };
  const copies = (where: FilterQuery<Copy>) =>
    t.subgraph.orm.em.fork().find(CopySchema, where, { orderBy: { id: 'asc' } });
  const copy = (id: string) => t.subgraph.orm.em.fork().findOneOrFail(CopySchema, { id });
  const availability = async (bookId: string) => {
    const res = await t.request<{ _entities: { availability: Record<string, number> }[] }>(AVAILABILITY, {
      representations: [{ __typename: 'Book', id: bookId }],
    });
    expect(res.errors).toBeUndefined();
    return res.data!._entities[0]!.availability;
  };
  /** The status changes inventory published for a copy, in order. */
  const statusChanges = async (copyId: string) => {
    await t.flush();
    return t.published
      .filter((e) => e.type === 'shelfmark.inventory.copy-status-changed.v1' && e.data.copyId === copyId)
      .map((e) => {
        const { from, to } = e.data as { from: string; to: string };
        return `${from}>${to}`;
      });
  };
  const deliverTwice = async (event: CloudEvent) => {
    await t.deliver(event);
    await t.deliver(event);
  };
  const loanBorrowed = (copyId: string, bookId: string, loanId: string, borrowId: string, memberId = 'm1') =>
    aLoansEvent('shelfmark.loans.loan-borrowed.v1', {
      loanId,
      borrowId,
      memberId,
      bookId,
      copyId,
      holdId: null,
      borrowedAt: new Date().toISOString(),
      dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    });
  const loanReturned = (
    copyId: string,
    bookId: string,
    loanId: string,
    nextHold: { holdId: string; memberId: string } | null,
  ) =>
    aLoansEvent('shelfmark.loans.loan-returned.v1', {
      loanId,
      memberId: 'm1',
      bookId,
      copyId,
      returnedAt: new Date().toISOString(),
      onTime: true,
      nextHold,
    });

  describe('reserveCopies', () => {
    it('reserves one copy of each book for the signed-in member: ON_LOAN, counted as on loan', async () => {
      const dune = await aBookWithCopies(2);
      const emma = await aBookWithCopies(1, 'Emma');
      const borrowId = randomUUID();

      const res = await reserve([dune.bookId, emma.bookId], { borrowId });

      expect(res.errors).toBeUndefined();
      const [first, second] = res.data!.reserveCopies;
      expect(first).toEqual({ bookId: dune.bookId, copyId: expect.any(String), holdId: null });
      expect(dune.copyIds).toContain(first!.copyId);
      expect(second).toEqual({ bookId: emma.bookId, copyId: emma.copyIds[0], holdId: null });
      expect(await copy(first!.copyId)).toMatchObject({
        status: 'ON_LOAN',
        reservedFor: borrowId,
        reservedBy: 'm1',
        reservedFromStatus: 'AVAILABLE',
      });
      expect(await availability(dune.bookId)).toEqual({ total: 2, available: 1, onLoan: 1, onHoldShelf: 0 });
      expect(await availability(emma.bookId)).toEqual({ total: 1, available: 0, onLoan: 1, onHoldShelf: 0 });
      expect(await statusChanges(first!.copyId)).toEqual(['AVAILABLE>ON_LOAN']);
    });

    it('returns the same copies when asked again for the same borrow, reserving nothing more', async () => {
      const { bookId } = await aBookWithCopies(3);
      const borrowId = randomUUID();
      const first = await reserve([bookId], { borrowId });
      const again = await reserve([bookId], { borrowId });

      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      expect(await copies({ bookId, status: 'ON_LOAN' })).toHaveLength(1);
      expect(await statusChanges(first.data!.reserveCopies[0]!.copyId)).toEqual(['AVAILABLE>ON_LOAN']);
    });

    it('refuses a book inventory has not heard of with NOT_FOUND, reserving nothing', async () => {
      const { bookId } = await aBookWithCopies(1);
      const res = await reserve([bookId, 'no-such-book']);
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.extensions).toMatchObject({ entity: 'Book', id: 'no-such-book' });
      expect(await copies({ bookId, status: 'ON_LOAN' })).toEqual([]);
    });

    it.each<[string, (bookId: string) => string[]]>([
      ['no books', () => []],
      ['a book twice', (bookId) => [bookId, bookId]],
    ])('refuses %s with BAD_USER_INPUT naming bookIds', async (_, bookIds) => {
      const { bookId } = await aBookWithCopies(2);
      const res = await reserve(bookIds(bookId));
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.['field']).toBe('bookIds');
      expect(await copies({ bookId, status: 'ON_LOAN' })).toEqual([]);
    });

    it('refuses anonymous callers with UNAUTHENTICATED', async () => {
      const { bookId } = await aBookWithCopies(1);
      expect(errorCode(await reserve([bookId], { memberId: null }))).toBe('UNAUTHENTICATED');
      expect(await copies({ bookId, status: 'ON_LOAN' })).toEqual([]);
    });

    it('refuses with NO_COPY_AVAILABLE, naming the title, when every copy is taken', async () => {
      const { bookId } = await aBookWithCopies(1, 'The Dispossessed');
      expect((await reserve([bookId])).errors).toBeUndefined();

      const res = await reserve([bookId], { memberId: 'm2' });
      expect(errorCode(res)).toBe('NO_COPY_AVAILABLE');
      expect(res.errors?.[0]).toMatchObject({
        message: 'No copy of "The Dispossessed" is free to borrow right now. Place a hold to join the queue.',
        extensions: { code: 'NO_COPY_AVAILABLE', bookId },
      });
    });

    it('is all or nothing: book A reserved, then none of book B free, leaves A released', async () => {
      const a = await aBookWithCopies(1, 'A');
      const b = await aBookWithCopies(1, 'B');
      expect((await reserve([b.bookId], { memberId: 'm2' })).errors).toBeUndefined();

      const res = await reserve([a.bookId, b.bookId]);

      expect(errorCode(res)).toBe('NO_COPY_AVAILABLE');
      expect(res.errors?.[0]?.extensions).toMatchObject({ bookId: b.bookId });
      expect(await copy(a.copyIds[0]!)).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
      expect(await availability(a.bookId)).toEqual({ total: 1, available: 1, onLoan: 0, onHoldShelf: 0 });
      expect(await statusChanges(a.copyIds[0]!)).toEqual(['AVAILABLE>ON_LOAN', 'ON_LOAN>AVAILABLE']);
    });

    it('lends a copy on the hold shelf only to the member it waits for, naming the hold', async () => {
      const { bookId, copyIds } = await aBookWithCopies(1);
      const [copyId] = copyIds as [string];
      const borrowId = randomUUID();
      await reserve([bookId], { borrowId });
      await t.deliver(loanBorrowed(copyId, bookId, 'loan-h', borrowId));
      await t.deliver(loanReturned(copyId, bookId, 'loan-h', { holdId: 'hold-1', memberId: 'holder' }));
      expect(await availability(bookId)).toEqual({ total: 1, available: 0, onLoan: 0, onHoldShelf: 1 });

      expect(errorCode(await reserve([bookId], { memberId: 'someone-else' }))).toBe('NO_COPY_AVAILABLE');
      const res = await reserve([bookId], { memberId: 'holder' });

      expect(res.data?.reserveCopies).toEqual([{ bookId, copyId, holdId: 'hold-1' }]);
      expect(await copy(copyId)).toMatchObject({
        status: 'ON_LOAN',
        reservedBy: 'holder',
        reservedFromStatus: 'ON_HOLD_SHELF',
        heldForHoldId: 'hold-1',
      });
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('refuses with SERVICE_UNAVAILABLE when the caller’s deadline has passed, leaving nothing reserved', async () => {
      const { bookId } = await aBookWithCopies(2);
      const borrowId = randomUUID();
      const res = await reserve([bookId], { borrowId, deadline: new Date(Date.now() - 1).toISOString() });

      expect(errorCode(res)).toBe('SERVICE_UNAVAILABLE');
      expect(await copies({ bookId, status: { $ne: 'AVAILABLE' } })).toEqual([]);
      expect(await copies({ reservedFor: borrowId })).toEqual([]);
    });

    it('never lends the last copies twice: of 50 borrows racing for 3 copies, exactly 3 win', async () => {
      const { bookId, copyIds } = await aBookWithCopies(3);
      const borrows = Array.from({ length: 50 }, (_, i) => ({
        borrowId: randomUUID(),
        memberId: `racer-${i}`,
      }));
      await Promise.all(borrows.map(({ memberId }) => tokenOf(memberId)));

      const results = await Promise.all(borrows.map((borrow) => reserve([bookId], borrow)));

      const won = results.filter((r) => !r.errors);
      expect(won).toHaveLength(3);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(47).fill('NO_COPY_AVAILABLE'));
      expect(new Set(won.map((r) => r.data!.reserveCopies[0]!.copyId))).toEqual(new Set(copyIds));
      const stored = await copies({ bookId });
      expect(stored.map((c) => c.status)).toEqual(['ON_LOAN', 'ON_LOAN', 'ON_LOAN']);
      const winners = new Set(stored.map((c) => c.reservedFor));
      expect(winners.size).toBe(3);
      for (const winner of winners) expect(borrows.map((b) => b.borrowId)).toContain(winner);
      expect(await availability(bookId)).toEqual({ total: 3, available: 0, onLoan: 3, onHoldShelf: 0 });
      for (const id of copyIds) expect(await statusChanges(id)).toEqual(['AVAILABLE>ON_LOAN']);
    });
  });

  describe('events from loans', () => {
    it('follows a copy round the whole cycle, each event delivered twice changing it once', async () => {
      const { bookId, copyIds } = await aBookWithCopies(1);
      const [copyId] = copyIds as [string];
      const borrowId = randomUUID();
      await reserve([bookId], { borrowId });

      await deliverTwice(loanBorrowed(copyId, bookId, 'loan-1', borrowId));
      expect(await copy(copyId)).toMatchObject({ status: 'ON_LOAN', loanId: 'loan-1', reservedFor: null });

      await deliverTwice(loanReturned(copyId, bookId, 'loan-1', { holdId: 'hold-1', memberId: 'm2' }));
      expect(await copy(copyId)).toMatchObject({
        status: 'ON_HOLD_SHELF',
        loanId: null,
        heldForHoldId: 'hold-1',
        heldForMemberId: 'm2',
      });
      expect(await availability(bookId)).toEqual({ total: 1, available: 0, onLoan: 0, onHoldShelf: 1 });

      await deliverTwice(
        aLoansEvent('shelfmark.loans.hold-expired.v1', {
          holdId: 'hold-1',
          memberId: 'm2',
          bookId,
          pointsRefunded: 5,
          copyId,
          nextHold: null,
        }),
      );
      expect(await copy(copyId)).toMatchObject({ status: 'AVAILABLE', heldForHoldId: null });
      expect(await availability(bookId)).toEqual({ total: 1, available: 1, onLoan: 0, onHoldShelf: 0 });

      expect(await statusChanges(copyId)).toEqual([
        'AVAILABLE>ON_LOAN',
        'ON_LOAN>ON_HOLD_SHELF',
        'ON_HOLD_SHELF>AVAILABLE',
      ]);
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('ignores stale events: another loan’s return, another hold’s end, a hold cancelled while waiting', async () => {
      const { bookId, copyIds } = await aBookWithCopies(1);
      const [copyId] = copyIds as [string];
      const borrowId = randomUUID();
      await reserve([bookId], { borrowId });
      await t.deliver(loanBorrowed(copyId, bookId, 'loan-2', borrowId));
      await t.deliver(loanReturned(copyId, bookId, 'loan-2', { holdId: 'hold-2', memberId: 'm2' }));
      await t.flush();
      const before = await copy(copyId);

      await t.deliver(loanReturned(copyId, bookId, 'loan-0', null));
      await t.deliver(
        aLoansEvent('shelfmark.loans.hold-passed-on.v1', {
          holdId: 'hold-0',
          bookId,
          copyId,
          nextHold: null,
        }),
      );
      await t.deliver(
        aLoansEvent('shelfmark.loans.hold-cancelled.v1', {
          holdId: 'hold-2',
          memberId: 'm2',
          bookId,
          pointsRefunded: 5,
          copy: null,
        }),
      );

      expect(await copy(copyId)).toEqual(before);
      expect(await statusChanges(copyId)).toEqual(['AVAILABLE>ON_LOAN', 'ON_LOAN>ON_HOLD_SHELF']);
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('passes a copy on when its READY hold is cancelled or passed on', async () => {
      const { bookId, copyIds } = await aBookWithCopies(1);
      const [copyId] = copyIds as [string];
      const borrowId = randomUUID();
      await reserve([bookId], { borrowId });
      await t.deliver(loanBorrowed(copyId, bookId, 'loan-3', borrowId));
      await t.deliver(loanReturned(copyId, bookId, 'loan-3', { holdId: 'hold-a', memberId: 'ma' }));

      await deliverTwice(
        aLoansEvent('shelfmark.loans.hold-cancelled.v1', {
          holdId: 'hold-a',
          memberId: 'ma',
          bookId,
          pointsRefunded: 5,
          copy: { copyId, nextHold: { holdId: 'hold-b', memberId: 'mb' } },
        }),
      );
      expect(await copy(copyId)).toMatchObject({ status: 'ON_HOLD_SHELF', heldForHoldId: 'hold-b' });

      await deliverTwice(
        aLoansEvent('shelfmark.loans.hold-passed-on.v1', {
          holdId: 'hold-b',
          bookId,
          copyId,
          nextHold: null,
        }),
      );
      expect(await copy(copyId)).toMatchObject({
        status: 'AVAILABLE',
        heldForHoldId: null,
        heldForMemberId: null,
      });
      expect(await statusChanges(copyId)).toEqual([
        'AVAILABLE>ON_LOAN',
        'ON_LOAN>ON_HOLD_SHELF',
        'ON_HOLD_SHELF>AVAILABLE',
      ]);
    });

    it('releases what a cancelled borrow reserved, once however often the cancellation comes', async () => {
      const dune = await aBookWithCopies(1);
      const emma = await aBookWithCopies(1, 'Emma');
      const borrowId = randomUUID();
      await reserve([dune.bookId, emma.bookId], { borrowId });

      await deliverTwice(
        aLoansEvent('shelfmark.loans.borrow-cancelled.v1', {
          borrowId,
          memberId: 'm1',
          bookIds: [dune.bookId, emma.bookId],
          reason: 'the member reached their loan limit',
        }),
      );

      for (const id of [...dune.copyIds, ...emma.copyIds]) {
        expect(await copy(id)).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
        expect(await statusChanges(id)).toEqual(['AVAILABLE>ON_LOAN', 'ON_LOAN>AVAILABLE']);
      }
      expect((await reserve([dune.bookId], { memberId: 'm2' })).errors).toBeUndefined();
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('applies a loan of a copy that was not reserved for it (loans decided it)', async () => {
      const { bookId, copyIds } = await aBookWithCopies(1);
      const [copyId] = copyIds as [string];
      await t.deliver(loanBorrowed(copyId, bookId, 'loan-x', randomUUID()));
      expect(await copy(copyId)).toMatchObject({ status: 'ON_LOAN', loanId: 'loan-x' });
      expect(await statusChanges(copyId)).toEqual(['AVAILABLE>ON_LOAN']);
    });

    it('dead-letters an event about a copy inventory does not have', async () => {
      const before = t.deadLetters.letters.length;
      await t.deliver(loanBorrowed('no-such-copy', 'some-book', 'loan-y', randomUUID()));
      expect(t.deadLetters.letters.slice(before)).toEqual([
        expect.objectContaining({
          consumer: 'inventory.LendCopyOnLoanBorrowed',
          error: { name: 'UnknownCopy', message: 'Copy "no-such-copy" does not exist.' },
        }),
      ]);
    });
  });
});
