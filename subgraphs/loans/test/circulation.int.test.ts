import { createEvent } from '@shelfmark/events';
import {
  aBookAddedEvent,
  aMemberRegisteredEvent,
  errorCode,
  manualClock,
  startTestSubgraph,
  type TestSubgraph,
} from '@shelfmark/testing';
import { BORROW_STEPS, loansSubgraph, type BorrowStep } from '../src';
import { BorrowRequestSchema } from '../src/adapters/persistence/borrow-request.schema';
import { BorrowerSchema } from '../src/adapters/persistence/borrower.schema';
import { FakePeer, fakeInventory, fakeMembers, heldUntilReleased, sleep } from './support/fakePeers';

const BORROW = /* GraphQL */ `
  mutation Borrow($bookIds: [ID!]!) {
    borrowBooks(bookIds: $bookIds) {
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
      renewals
    }
  }
`;
const RETURN = /* GraphQL */ `
  mutation Return($loanId: ID!) {
    returnLoan(loanId: $loanId) {
      id
      status
      returnedAt
    }
  }
`;
const RENEW = /* GraphQL */ `
  mutation Renew($loanId: ID!) {
    renewLoan(loanId: $loanId) {
      id
      dueAt
      renewals
    }
  }
`;
const PLACE = /* GraphQL */ `
  mutation Place($bookId: ID!) {
    placeHold(bookId: $bookId) {
      id
      status
      position
      pointsSpent
      readyUntil
    }
  }
`;
const CANCEL = /* GraphQL */ `
  mutation Cancel($holdId: ID!) {
    cancelHold(holdId: $holdId) {
      id
      status
      position
    }
  }
`;
const MY = /* GraphQL */ `
  query Mine($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Member {
        loans {
          id
          status
          dueAt
        }
        holds {
          id
          status
          position
          readyUntil
        }
        loanHistory(first: 2) {
          totalCount
          edges {
            cursor
            node {
              id
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

interface LoanData {
  id: string;
  status: string;
  dueAt: string;
  book: { id: string };
  copy: { id: string };
}
interface HoldData {
  id: string;
  status: string;
  position: number | null;
  readyUntil: string | null;
}
interface Mine {
  _entities: {
    loans: LoanData[];
    holds: HoldData[];
    loanHistory: {
      totalCount: number;
      edges: { node: { id: string } }[];
      pageInfo: { hasNextPage: boolean };
    };
  }[];
}

const DAY = 24 * 60 * 60 * 1000;

describe('circulation in the loans subgraph (borrow saga, returns, renewals, holds)', () => {
  const clock = manualClock();
  let t: TestSubgraph;
  let inventory: FakePeer;
  let members: FakePeer;
  let probe: (step: BorrowStep) => void = () => undefined;
  let member: (id: string) => Promise<string>;
  let n = 0;
  const fresh = (prefix: string) => `${prefix}-${++n}`;

  beforeAll(async () => {
    inventory = await new FakePeer(fakeInventory({})).start();
    members = await new FakePeer(fakeMembers(0)).start();
    t = await startTestSubgraph(
      loansSubgraph({ peerTimeoutMs: 2000, sagaTimeoutMs: 5000, borrowProbe: (step) => probe(step) }),
      { clock: clock.now, peers: (name) => ({ inventory: inventory.url, members: members.url })[name] },
    );
    member = async (id) => {
      // Loans acts only for members it heard of from members.
      await t.deliver(aMemberRegisteredEvent(id));
      return t.tokenFor({ memberId: id, role: 'MEMBER' });
    };
  });
  afterAll(async () => {
    await t.stop();
    await inventory.stop();
    await members.stop();
  });

  /** A book loans knows of (catalogue's book-added) with `copies` free copies in inventory. */
  const aBook = async (copies = 3): Promise<string> => {
    const bookId = fresh('book');
    await t.deliver(aBookAddedEvent(bookId, { title: `Title of ${bookId}` }));
    inventory.behaviour = withBook(inventory.behaviour, bookId, copies);
    return bookId;
  };
  const withBook = (behaviour: FakePeer['behaviour'], bookId: string, copies: number) => {
    const previous = behaviour as ReturnType<typeof fakeInventory> & { books?: Record<string, number> };
    const books = { ...(previous.books ?? {}), [bookId]: copies };
    return Object.assign(fakeInventory(books), { books, reserved: previous.reserved ?? new Map() });
  };
  const borrow = (token: string, bookIds: string[]) =>
    t.request<{ borrowBooks: LoanData[] }>(BORROW, { bookIds }, { token });
  const mine = async (token: string, memberId: string) =>
    (await t.request<Mine>(MY, { reps: [{ __typename: 'Member', id: memberId }] }, { token })).data!
      ._entities[0]!;
  const eventsOf = (type: string, since: number) =>
    t.published.slice(since).filter((event) => event.type === type);

  describe('borrowBooks', () => {
    it('lends one copy of each book, all at once, and announces each loan', async () => {
      const [a, b] = [await aBook(), await aBook()];
      const token = await member(fresh('m'));
      const since = t.published.length;
      const response = await borrow(token, [a, b]);
      expect(response.errors).toBeUndefined();
      const loans = response.data!.borrowBooks;
      expect(loans.map((loan) => loan.book.id)).toEqual([a, b]);
      expect(loans.every((loan) => loan.status === 'ACTIVE')).toBe(true);
      expect(new Date(loans[0]!.dueAt).getTime()).toBe(clock.now().getTime() + 14 * DAY);
      await t.flush();
      expect(eventsOf('shelfmark.loans.loan-borrowed.v1', since)).toHaveLength(2);
      // The member's own token went to inventory: inventory knows who reserves.
      expect(inventory.calls.at(-1)?.authorization).toBe(`Bearer ${token}`);
    });

    it.each([
      ['no book', [], 'BAD_USER_INPUT'],
      ['the same book twice', ['x', 'x'], 'BAD_USER_INPUT'],
      ['more books than the loan limit', ['a', 'b', 'c', 'd', 'e', 'f'], 'LOAN_LIMIT_REACHED'],
      ['a book nobody catalogued', ['no-such-book'], 'NOT_FOUND'],
    ])('refuses %s', async (_case, bookIds, code) => {
      const response = await borrow(await member(fresh('m')), bookIds);
      expect(errorCode(response)).toBe(code);
      expect(response.errors![0]!.message).not.toMatch(/internal|undefined/i);
    });

    it('refuses anonymous callers', async () => {
      expect(errorCode(await t.request(BORROW, { bookIds: [await aBook()] }))).toBe('UNAUTHENTICATED');
    });

    it('is all or nothing: one book without a free copy lends nothing, and frees the claimed slots', async () => {
      const [free, gone] = [await aBook(5), await aBook(0)];
      const memberId = fresh('m');
      const token = await member(memberId);
      const response = await borrow(token, [free, gone]);
      expect(errorCode(response)).toBe('NO_COPY_AVAILABLE');
      expect((await mine(token, memberId)).loans).toEqual([]);
      // The slots the request claimed were released: the full limit is still there.
      const five = [free, await aBook(), await aBook(), await aBook(), await aBook()];
      expect((await borrow(token, five)).data?.borrowBooks).toHaveLength(5);
    });

    it('counts loans across requests against the limit', async () => {
      const token = await member(fresh('m'));
      expect((await borrow(token, [await aBook(), await aBook(), await aBook()])).errors).toBeUndefined();
      const over = await borrow(token, [await aBook(), await aBook(), await aBook()]);
      expect(errorCode(over)).toBe('LOAN_LIMIT_REACHED');
      expect(over.errors![0]!.message).toMatch(/You have 3 of 5 loans out/);
    });

    it('never lets parallel requests of one member pass the loan limit together', async () => {
      const memberId = fresh('m');
      const token = await member(memberId);
      const books = await Promise.all(Array.from({ length: 16 }, () => aBook()));
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) => borrow(token, [books[2 * i]!, books[2 * i + 1]!])),
      );
      const lent = responses.flatMap((response) => response.data?.borrowBooks ?? []);
      expect(lent.length).toBeLessThanOrEqual(5);
      expect(lent).toHaveLength(4); // two requests of two fit; a third would make six
      for (const refused of responses.filter((response) => response.errors)) {
        expect(errorCode(refused)).toBe('LOAN_LIMIT_REACHED');
      }
      expect((await mine(token, memberId)).loans).toHaveLength(4);
    });

    it('refuses a member members blocked, until they are unblocked', async () => {
      const memberId = fresh('m');
      const token = await member(memberId);
      await t.deliver(
        createEvent('shelfmark.members.member-blocked.v1', memberId, {
          memberId,
          reason: 'Unpaid fines',
          blockedBy: 'lib',
        }),
      );
      const refused = await borrow(token, [await aBook()]);
      expect(errorCode(refused)).toBe('MEMBER_BLOCKED');
      expect(refused.errors![0]!.message).toMatch(/Unpaid fines/);
      await t.deliver(
        createEvent('shelfmark.members.member-unblocked.v1', memberId, { memberId, unblockedBy: 'lib' }),
      );
      expect((await borrow(token, [await aBook()])).errors).toBeUndefined();
    });

    it('refuses a member with an overdue loan', async () => {
      const memberId = fresh('m');
      const token = await member(memberId);
      const loan = (await borrow(token, [await aBook()])).data!.borrowBooks[0]!;
      clock.advanceDays(15);
      try {
        const refused = await borrow(token, [await aBook()]);
        expect(errorCode(refused)).toBe('MEMBER_BLOCKED');
        expect(refused.errors![0]!.message).toMatch(/overdue/);
        expect((await t.request(RETURN, { loanId: loan.id }, { token })).errors).toBeUndefined();
        expect((await borrow(token, [await aBook()])).errors).toBeUndefined();
      } finally {
        clock.advanceDays(-15);
      }
    });

    it('answers SERVICE_UNAVAILABLE when inventory is too slow, and tells it to release what it may hold', async () => {
      const book = await aBook();
      const memberId = fresh('m');
      const token = await member(memberId);
      const normal = inventory.behaviour;
      const slow = heldUntilReleased(normal);
      inventory.behaviour = slow;
      try {
        const since = t.published.length;
        const response = await borrow(token, [book]);
        expect(errorCode(response)).toBe('SERVICE_UNAVAILABLE');
        expect(response.errors![0]!.message).toMatch(/try again shortly/);
        await t.flush();
        const [cancelled] = eventsOf('shelfmark.loans.borrow-cancelled.v1', since);
        expect(cancelled?.data).toMatchObject({ memberId, bookIds: [book] });
      } finally {
        slow.release();
        inventory.behaviour = normal;
      }
      // The claim was released: the member is not stuck at the limit.
      expect(
        (await borrow(token, [await aBook(), await aBook(), await aBook(), await aBook(), book])).errors,
      ).toBeUndefined();
    });

    it('fails fast once the circuit to a failing inventory is open, then closes when it recovers', async () => {
      const book = await aBook();
      const token = await member(fresh('m'));
      const normal = inventory.behaviour;
      inventory.behaviour = { answer: () => ({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'boom' } }) };
      // Failures pile up until they are half of the calls in the breaker's rolling window.
      let tried = 0;
      for (let callsBefore = -1; callsBefore !== inventory.calls.length && tried < 100; tried += 1) {
        callsBefore = inventory.calls.length;
        expect(errorCode(await borrow(token, [book]))).toBe('SERVICE_UNAVAILABLE');
      }
      expect(tried).toBeLessThan(100);
      const callsBefore = inventory.calls.length;
      const fast = await borrow(token, [book]);
      expect(errorCode(fast)).toBe('SERVICE_UNAVAILABLE');
      expect(fast.errors![0]!.message).toMatch(/too many recent failures/);
      expect(inventory.calls.length).toBe(callsBefore); // not even tried
      inventory.behaviour = normal;
      // Until the breaker's reset timeout passes, calls keep failing fast without reaching
      // inventory; then one trial call goes through and closes the circuit. Wait for that,
      // however long a busy machine takes, rather than for a fixed time.
      for (;;) {
        const calls = inventory.calls.length;
        const answer = await borrow(token, [book]);
        if (!answer.errors) break;
        expect(answer.errors[0]!.message).toMatch(/too many recent failures/);
        expect(inventory.calls.length).toBe(calls);
        await sleep(100);
      }
      expect(inventory.calls.length).toBe(callsBefore + 1);
    }, 120_000); // a guard against a hang, not a time budget: the breaker alone waits 5 s
  });

  describe('a crash at each step of the saga', () => {
    it.each(BORROW_STEPS.map((step) => [step]))(
      'after "%s", recovery leaves the loan confirmed or fully compensated',
      async (step) => {
        const book = await aBook();
        const memberId = fresh('m');
        const token = await member(memberId);
        const since = t.published.length;
        probe = (reached) => {
          if (reached === step) throw new Error(`simulated crash at ${step}`);
        };
        try {
          expect(errorCode(await borrow(token, [book]))).toBe('INTERNAL_SERVER_ERROR');
        } finally {
          probe = () => undefined;
        }
        await t.restart();
        clock.advanceMs(6000); // past the saga timeout: the request is taken for dead
        await t.subgraph.runJobs();
        await t.flush();

        const em = t.subgraph.orm.em.fork();
        const requests = await em.find(BorrowRequestSchema, { memberId });
        expect(requests).toHaveLength(1);
        const loans = (await mine(token, memberId)).loans;
        const borrower = await em.findOne(BorrowerSchema, { memberId });
        const reservedBeforeCrash = ['reserved', 'loans-created', 'settled', 'confirmed'].includes(step);
        if (reservedBeforeCrash) {
          expect(requests[0]!.status).toBe('CONFIRMED');
          expect(loans).toHaveLength(1);
          expect(eventsOf('shelfmark.loans.loan-borrowed.v1', since)).toHaveLength(1);
          expect(borrower?.loanIds).toEqual([loans[0]!.id]);
        } else {
          expect(requests[0]!.status).toBe('CANCELLED');
          expect(loans).toHaveLength(0);
          expect(eventsOf('shelfmark.loans.borrow-cancelled.v1', since)).toHaveLength(1);
        }
        expect(borrower?.pending ?? []).toEqual([]);
        // Running recovery again changes nothing.
        await t.subgraph.runJobs();
        await t.flush();
        expect((await mine(token, memberId)).loans).toHaveLength(reservedBeforeCrash ? 1 : 0);
      },
    );
  });

  describe('a saga outlived by its recovery', () => {
    it('answers the loans recovery created meanwhile: one loan per copy, announced once', async () => {
      const book = await aBook();
      const memberId = fresh('m');
      const token = await member(memberId);
      const since = t.published.length;
      let resume!: () => void;
      let paused!: () => void;
      const pausedAtReserved = new Promise<void>((resolve) => (paused = resolve));
      probe = (reached) => {
        if (reached !== 'reserved') return;
        paused();
        return new Promise<void>((resolve) => (resume = resolve)) as unknown as void;
      };
      try {
        const answer = borrow(token, [book]);
        await pausedAtReserved;
        // The request stalls past the saga timeout: recovery takes it for dead and lends for it.
        clock.advanceMs(6000);
        await t.subgraph.runJobs();
        resume();
        const response = await answer;

        expect(response.errors).toBeUndefined();
        const loans = (await mine(token, memberId)).loans;
        expect(loans).toHaveLength(1);
        expect(response.data!.borrowBooks.map((loan) => loan.id)).toEqual([loans[0]!.id]);
        await t.flush();
        expect(eventsOf('shelfmark.loans.loan-borrowed.v1', since)).toHaveLength(1);
        const em = t.subgraph.orm.em.fork();
        expect((await em.findOneOrFail(BorrowRequestSchema, { memberId })).status).toBe('CONFIRMED');
        expect((await em.findOneOrFail(BorrowerSchema, { memberId })).loanIds).toEqual([loans[0]!.id]);
      } finally {
        probe = () => undefined;
      }
    });
  });

  describe('returnLoan and renewLoan', () => {
    let book: string;
    let ownerId: string;
    let owner: string;
    let loanId: string;
    beforeEach(async () => {
      book = await aBook();
      ownerId = fresh('m');
      owner = await member(ownerId);
      loanId = (await borrow(owner, [book])).data!.borrowBooks[0]!.id;
    });

    it("refuses another member's loan as FORBIDDEN, lets the borrower and librarians act", async () => {
      const stranger = await member(fresh('m'));
      expect(errorCode(await t.request(RETURN, { loanId }, { token: stranger }))).toBe('FORBIDDEN');
      expect(errorCode(await t.request(RENEW, { loanId }, { token: stranger }))).toBe('FORBIDDEN');
      const librarianId = fresh('lib');
      await t.deliver(aMemberRegisteredEvent(librarianId, { role: 'LIBRARIAN' }));
      const librarian = await t.tokenFor({ memberId: librarianId, role: 'LIBRARIAN' });
      expect((await t.request(RENEW, { loanId }, { token: librarian })).errors).toBeUndefined();
      expect((await t.request(RETURN, { loanId }, { token: owner })).errors).toBeUndefined();
    });

    it('returns once; frees the slot; a second return is BAD_USER_INPUT; unknown is NOT_FOUND', async () => {
      const since = t.published.length;
      const returned = await t.request<{ returnLoan: { status: string } }>(
        RETURN,
        { loanId },
        { token: owner },
      );
      expect(returned.data?.returnLoan.status).toBe('RETURNED');
      expect(errorCode(await t.request(RETURN, { loanId }, { token: owner }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.request(RETURN, { loanId: 'nope' }, { token: owner }))).toBe('NOT_FOUND');
      await t.flush();
      expect(eventsOf('shelfmark.loans.loan-returned.v1', since)[0]?.data).toMatchObject({
        onTime: true,
        nextHold: null,
      });
      const borrower = await t.subgraph.orm.em.fork().findOne(BorrowerSchema, { memberId: ownerId });
      expect(borrower?.loanIds).toEqual([]);
    });

    it('renews up to the limit, then RENEWAL_LIMIT_REACHED', async () => {
      const first = await t.request<{ renewLoan: { renewals: number } }>(RENEW, { loanId }, { token: owner });
      expect(first.data?.renewLoan.renewals).toBe(1);
      expect((await t.request(RENEW, { loanId }, { token: owner })).errors).toBeUndefined();
      expect(errorCode(await t.request(RENEW, { loanId }, { token: owner }))).toBe('RENEWAL_LIMIT_REACHED');
    });

    it('refuses a renewal while another member waits: HOLD_QUEUE_NOT_EMPTY', async () => {
      members.behaviour = fakeMembers(100);
      const waiter = await member(fresh('m'));
      expect((await t.request(PLACE, { bookId: book }, { token: waiter })).errors).toBeUndefined();
      expect(errorCode(await t.request(RENEW, { loanId }, { token: owner }))).toBe('HOLD_QUEUE_NOT_EMPTY');
    });
  });

  describe('holds', () => {
    beforeEach(() => {
      members.behaviour = fakeMembers(1000);
    });

    it('queues holds first come first served; a return makes the first READY with a pickup window', async () => {
      const book = await aBook(1);
      const borrowerId = fresh('m');
      const borrowerToken = await member(borrowerId);
      const loanId = (await borrow(borrowerToken, [book])).data!.borrowBooks[0]!.id;
      const [firstId, secondId] = [fresh('m'), fresh('m')];
      const [first, second] = [await member(firstId), await member(secondId)];
      const h1 = (await t.request<{ placeHold: HoldData }>(PLACE, { bookId: book }, { token: first })).data!
        .placeHold;
      clock.advanceMs(1);
      const h2 = (await t.request<{ placeHold: HoldData }>(PLACE, { bookId: book }, { token: second })).data!
        .placeHold;
      expect([h1.position, h2.position]).toEqual([1, 2]);

      const since = t.published.length;
      await t.request(RETURN, { loanId }, { token: borrowerToken });
      await t.flush();
      expect(eventsOf('shelfmark.loans.loan-returned.v1', since)[0]?.data).toMatchObject({
        nextHold: { holdId: h1.id, memberId: firstId },
      });
      const ready = (await mine(first, firstId)).holds[0]!;
      expect(ready).toMatchObject({ status: 'READY', position: null });
      expect(new Date(ready.readyUntil!).getTime()).toBe(clock.now().getTime() + 3 * DAY);
      expect((await mine(second, secondId)).holds[0]).toMatchObject({ status: 'WAITING', position: 1 });

      // Not picked up within three days: EXPIRED (refunded), the copy goes to the next in line.
      clock.advanceDays(3);
      await t.subgraph.runJobs();
      await t.flush();
      expect((await mine(first, firstId)).holds[0]?.status).toBe('EXPIRED');
      expect((await mine(second, secondId)).holds[0]?.status).toBe('READY');
      const [expired] = eventsOf('shelfmark.loans.hold-expired.v1', since);
      expect(expired?.data).toMatchObject({ pointsRefunded: 10, nextHold: { memberId: secondId } });
    });

    it('takes the points synchronously: no points, no hold', async () => {
      members.behaviour = fakeMembers(5);
      const memberId = fresh('m');
      const token = await member(memberId);
      const book = await aBook();
      const since = t.published.length;
      const response = await t.request(PLACE, { bookId: book }, { token });
      expect(errorCode(response)).toBe('INSUFFICIENT_POINTS');
      expect(response.errors![0]!.message).toMatch(/costs 10 points; you have 5/);
      expect((await mine(token, memberId)).holds).toEqual([]);
      // Nothing was taken, so there is nothing to refund: no hold-abandoned.
      await t.flush();
      expect(eventsOf('shelfmark.loans.hold-abandoned.v1', since)).toEqual([]);
      // And the member may try again once they have the points.
      members.behaviour = fakeMembers(50);
      expect((await t.request(PLACE, { bookId: book }, { token })).errors).toBeUndefined();
      expect(members.calls.at(-1)?.authorization).toBe(`Bearer ${token}`);
    });

    it('refuses an unknown book, a second hold on one book, and a book the member has out', async () => {
      const token = await member(fresh('m'));
      expect(errorCode(await t.request(PLACE, { bookId: 'no-such-book' }, { token }))).toBe('NOT_FOUND');
      const book = await aBook();
      const parallel = await Promise.all([1, 2, 3].map(() => t.request(PLACE, { bookId: book }, { token })));
      expect(parallel.filter((response) => !response.errors)).toHaveLength(1);
      for (const refused of parallel.filter((response) => response.errors)) {
        expect(errorCode(refused)).toBe('ALREADY_EXISTS');
      }
      const lent = await aBook();
      await borrow(token, [lent]);
      expect(errorCode(await t.request(PLACE, { bookId: lent }, { token }))).toBe('BAD_USER_INPUT');
    });

    it('cancels once: parallel cancels refund once, a cancelled or fulfilled hold is BAD_USER_INPUT', async () => {
      const book = await aBook();
      const memberId = fresh('m');
      const token = await member(memberId);
      const hold = (await t.request<{ placeHold: HoldData }>(PLACE, { bookId: book }, { token })).data!
        .placeHold;
      const stranger = await member(fresh('m'));
      expect(errorCode(await t.request(CANCEL, { holdId: hold.id }, { token: stranger }))).toBe('FORBIDDEN');
      const since = t.published.length;
      const cancels = await Promise.all(
        [1, 2, 3, 4, 5].map(() => t.request(CANCEL, { holdId: hold.id }, { token })),
      );
      expect(cancels.filter((response) => !response.errors)).toHaveLength(1);
      for (const refused of cancels.filter((response) => response.errors)) {
        expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      }
      await t.flush();
      expect(eventsOf('shelfmark.loans.hold-cancelled.v1', since)).toHaveLength(1);

      // Borrowing the book fulfils the member's waiting hold; it can then no longer be cancelled.
      const other = await aBook();
      const held = (await t.request<{ placeHold: HoldData }>(PLACE, { bookId: other }, { token })).data!
        .placeHold;
      await borrow(token, [other]);
      await t.flush();
      const refused = await t.request(CANCEL, { holdId: held.id }, { token });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.message).toMatch(/already fulfilled/);
    });

    it('answers SERVICE_UNAVAILABLE when members is too slow, and abandons the hold for a refund', async () => {
      const slow = heldUntilReleased(fakeMembers(100));
      members.behaviour = slow;
      const memberId = fresh('m');
      const token = await member(memberId);
      const since = t.published.length;
      const placed = await t.request(PLACE, { bookId: await aBook() }, { token });
      slow.release();
      expect(errorCode(placed)).toBe('SERVICE_UNAVAILABLE');
      await t.flush();
      expect(eventsOf('shelfmark.loans.hold-abandoned.v1', since)[0]?.data).toMatchObject({
        memberId,
        points: 10,
      });
      expect((await mine(token, memberId)).holds).toEqual([]);
    });
  });

  describe('scheduled jobs and redelivery', () => {
    it('announces a loan overdue once, and reminds once before its due date', async () => {
      const memberId = fresh('m');
      const token = await member(memberId);
      await borrow(token, [await aBook()]);
      const since = t.published.length;
      const ofMember = (type: string) =>
        eventsOf(type, since).filter((event) => (event.data as { memberId: string }).memberId === memberId);
      clock.advanceDays(12);
      await t.subgraph.runJobs();
      await t.subgraph.runJobs();
      clock.advanceDays(3);
      await t.subgraph.runJobs();
      await t.subgraph.runJobs();
      await t.flush();
      clock.advanceDays(-15);
      expect(ofMember('shelfmark.loans.loan-due-soon.v1')).toHaveLength(1);
      expect(ofMember('shelfmark.loans.loan-overdue.v1')).toHaveLength(1);
      expect((await mine(token, memberId)).loans[0]?.status).toBe('OVERDUE');
    });

    it('applies every event it consumes once, however often it is delivered', async () => {
      members.behaviour = fakeMembers(1000);
      const book = await aBook(1);
      const ownerId = fresh('m');
      const owner = await member(ownerId);
      const waiterId = fresh('m');
      const waiter = await member(waiterId);
      const loanId = (await borrow(owner, [book])).data!.borrowBooks[0]!.id;
      await t.request(PLACE, { bookId: book }, { token: waiter });
      const since = t.published.length;
      await t.request(RETURN, { loanId }, { token: owner });
      await t.flush();
      // Deliver everything loans published (and consumes) again.
      for (const event of t.published.slice(since)) await t.deliver(event);
      await t.flush();
      expect(eventsOf('shelfmark.loans.hold-ready.v1', since)).toHaveLength(1);
      const borrower = await t.subgraph.orm.em.fork().findOne(BorrowerSchema, { memberId: ownerId });
      expect(borrower?.loanIds).toEqual([]);

      const blocked = createEvent('shelfmark.members.member-blocked.v1', waiterId, {
        memberId: waiterId,
        reason: 'Test',
        blockedBy: 'lib',
      });
      const unblocked = createEvent('shelfmark.members.member-unblocked.v1', waiterId, {
        memberId: waiterId,
        unblockedBy: 'lib',
      });
      await t.deliver(blocked);
      await t.deliver(unblocked);
      await t.deliver(blocked); // a late duplicate of the block must not block again
      expect((await borrow(waiter, [await aBook()])).errors).toBeUndefined();
    });
  });

  it('pages through a member’s loan history, newest first', async () => {
    const memberId = fresh('m');
    const token = await member(memberId);
    for (let i = 0; i < 3; i += 1) {
      await borrow(token, [await aBook()]);
      clock.advanceMs(1000);
    }
    const page = (await mine(token, memberId)).loanHistory;
    expect(page.totalCount).toBe(3);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});
