import { contracts, type CloudEvent, type EventType } from '@shelfmark/events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCode, isbnFor, manualClock, type GraphQLRequest } from '@shelfmark/testing';
import {
  AddCopies,
  BlockMember,
  BookCirculation,
  BorrowBooks,
  CancelHold,
  GrantPoints,
  Me,
  MyCirculation,
  PlaceHold,
  Ranking,
  RenewLoan,
  ReturnLoan,
  UnblockMember,
  WithdrawCopy,
} from './operations';
import { startLibrary, type Library } from './support/library';

/**
 * Circulation end to end (docs/design.md §4, flows 1–4), on the embedded defaults, through the router
 * only: register, borrow, return, hold, cancel — and the rules and races around them.
 */
describe('circulation through the router (embedded)', () => {
  const clock = manualClock(new Date('2026-05-04T09:00:00.000Z'));
  let library: Library;
  let request: GraphQLRequest;
  let admin: string;
  let n = 0;
  const books: string[] = [];
  const readers: string[] = [];
  /** Every event of every context, as the bus delivered it, for the redelivery check at the end. */
  const published: CloudEvent[] = [];

  beforeAll(async () => {
    library = await startLibrary({
      prefix: 'shelfmark-circulation-',
      env: { SHELFMARK_JOB_INTERVAL_SECONDS: '0' },
      options: { clock: clock.now },
    });
    await library.shelfmark.bus.subscribe({
      name: 'test.RecordEverything',
      types: Object.keys(contracts) as EventType[],
      handle: (event) => {
        published.push(event);
        return Promise.resolve();
      },
    });
    ({ request } = library);
    admin = await library.adminToken();
  });
  afterAll(() => library.close());

  const aBook = async (copies: number, title = `Book ${n + 1}`) => {
    const bookId = await library.addBook(title, copies, { isbn: isbnFor(100_000_000 + ++n) });
    books.push(bookId);
    return bookId;
  };
  const aMember = async (name = `Reader ${++n}`) => {
    const reader = await library.registerReader(name, `reader${++n}@library.test`);
    readers.push(reader.token);
    return reader;
  };
  const circulationOf = async (token: string) => (await request(MyCirculation, {}, { token })).data!.me!;
  const availability = async (bookId: string) =>
    (await request(BookCirculation, { id: bookId })).data!.book!.availability;

  it('flow 1: a new member starts with 30 points and gets a card once registration is handled', async () => {
    const reader = await aMember();
    const me = (await request(Me, {}, { token: reader.token })).data!.me!;
    expect(me.points).toBe(30);
    expect(me.card?.number).toMatch(/\S/);
  });

  it('flow 2: borrowing lends copies, shows them on the book and the account, and counts for rankings', async () => {
    const [dune, emma] = [await aBook(3, 'Dune'), await aBook(1, 'Emma')];
    const reader = await aMember();
    const borrowed = await request(BorrowBooks, { bookIds: [dune, emma] }, { token: reader.token });
    expect(borrowed.errors).toBeUndefined();
    const loans = borrowed.data!.borrowBooks;
    expect(loans.map((loan) => loan.book.title)).toEqual(['Dune', 'Emma']);
    expect(loans.map((loan) => loan.copy.status)).toEqual(['ON_LOAN', 'ON_LOAN']);
    expect(new Date(loans[0]!.dueAt).getTime() - clock.now().getTime()).toBe(14 * 24 * 3600 * 1000);

    expect(await availability(dune)).toEqual({ total: 3, available: 2, onLoan: 1, onHoldShelf: 0 });
    expect(await availability(emma)).toEqual({ total: 1, available: 0, onLoan: 1, onHoldShelf: 0 });
    const mine = await circulationOf(reader.token);
    expect(mine.loans!.map((loan) => loan.book.title).sort()).toEqual(['Dune', 'Emma']);
    expect((await request(BookCirculation, { id: dune })).data!.book!.borrowCount).toBe(1);
    const ranking = (await request(Ranking, { window: 'ALL_TIME', first: 50 })).data!.ranking;
    expect(ranking.map((entry) => entry.book.id)).toEqual(expect.arrayContaining([dune, emma]));

    // Someone else: Emma has no free copy left, and all or nothing means Dune is not lent either.
    const other = await aMember();
    expect(errorCode(await request(BorrowBooks, { bookIds: [dune, emma] }, { token: other.token }))).toBe(
      'NO_COPY_AVAILABLE',
    );
    expect(await availability(dune)).toMatchObject({ available: 2, onLoan: 1 });
  });

  it('flows 3 and 4: a return serves the hold queue in order; the hold is borrowed or expires with a refund', async () => {
    const book = await aBook(1, 'Middlemarch');
    const [holder, first, second] = [await aMember(), await aMember(), await aMember()];
    const loanId = (await request(BorrowBooks, { bookIds: [book] }, { token: holder.token })).data!
      .borrowBooks[0]!.id;

    const h1 = await request(PlaceHold, { bookId: book }, { token: first.token });
    expect(h1.errors).toBeUndefined();
    expect(h1.data!.placeHold).toMatchObject({
      status: 'WAITING',
      position: 1,
      pointsSpent: 10,
      member: { points: 20 },
    });
    clock.advanceMs(1000);
    const h2 = await request(PlaceHold, { bookId: book }, { token: second.token });
    expect(h2.data!.placeHold.position).toBe(2);
    expect(
      (await request(BookCirculation, { id: book })).data!.book!.holdQueue!.map((hold) => hold.member.id),
    ).toEqual([first.id, second.id]);
    // Someone waits: no renewal.
    expect(errorCode(await request(RenewLoan, { loanId }, { token: holder.token }))).toBe(
      'HOLD_QUEUE_NOT_EMPTY',
    );

    const returned = await request(ReturnLoan, { loanId }, { token: holder.token });
    expect(returned.data!.returnLoan).toMatchObject({
      status: 'RETURNED',
      copy: { status: 'ON_HOLD_SHELF' },
    });
    expect(await availability(book)).toEqual({ total: 1, available: 0, onLoan: 0, onHoldShelf: 1 });
    // On time: the borrower earned a point.
    expect((await circulationOf(holder.token)).points).toBe(31);
    const ready = (await circulationOf(first.token)).holds![0]!;
    expect(ready).toMatchObject({ status: 'READY', position: null });

    // The copy on the hold shelf is for the first in line only.
    expect(errorCode(await request(BorrowBooks, { bookIds: [book] }, { token: second.token }))).toBe(
      'NO_COPY_AVAILABLE',
    );

    // Not picked up in time: EXPIRED, points refunded, the copy goes to the next in line.
    clock.advanceDays(3);
    await library.shelfmark.runJobs();
    const afterExpiry = await circulationOf(first.token);
    expect(afterExpiry.holds![0]?.status).toBe('EXPIRED');
    expect(afterExpiry.points).toBe(30);
    expect((await circulationOf(second.token)).holds![0]?.status).toBe('READY');

    // The second picks it up: the hold is fulfilled, the copy is on loan to them.
    const picked = await request(BorrowBooks, { bookIds: [book] }, { token: second.token });
    expect(picked.errors).toBeUndefined();
    const secondNow = await circulationOf(second.token);
    expect(secondNow.holds![0]?.status).toBe('FULFILLED');
    expect(secondNow.points).toBe(20); // fulfilled holds are not refunded
    const fulfilled = secondNow.holds![0]!.id;
    const cancelFulfilled = await request(CancelHold, { holdId: fulfilled }, { token: second.token });
    expect(errorCode(cancelFulfilled)).toBe('BAD_USER_INPUT');
    expect(cancelFulfilled.errors![0]!.message).toMatch(/already fulfilled/);
    expect(await availability(book)).toEqual({ total: 1, available: 0, onLoan: 1, onHoldShelf: 0 });
  });

  it('flow 4: cancelling a hold refunds its points once, however many cancels race', async () => {
    const book = await aBook(0);
    const reader = await aMember();
    const hold = (await request(PlaceHold, { bookId: book }, { token: reader.token })).data!.placeHold;
    const cancels = await Promise.all(
      Array.from({ length: 10 }, () => request(CancelHold, { holdId: hold.id }, { token: reader.token })),
    );
    expect(cancels.filter((response) => !response.errors)).toHaveLength(1);
    for (const refused of cancels.filter((response) => response.errors))
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect((await circulationOf(reader.token)).points).toBe(30);
  });

  it('never lends the last copy twice: 50 members borrowing a book with 3 copies get exactly 3 loans', async () => {
    const book = await aBook(3);
    // Registered members: a token alone, for an id members never registered, borrows nothing.
    const tokens = (await Promise.all(Array.from({ length: 50 }, () => aMember()))).map(
      (member) => member.token,
    );
    const responses = await Promise.all(
      tokens.map((token) => request(BorrowBooks, { bookIds: [book] }, { token })),
    );
    const lent = responses.filter((response) => !response.errors);
    expect(lent).toHaveLength(3);
    for (const refused of responses.filter((response) => response.errors))
      expect(errorCode(refused)).toBe('NO_COPY_AVAILABLE');
    expect(new Set(lent.map((response) => response.data!.borrowBooks[0]!.copy.id)).size).toBe(3);
    expect(await availability(book)).toEqual({ total: 3, available: 0, onLoan: 3, onHoldShelf: 0 });
  });

  describe('bad input gets a clear error', () => {
    it('unknown book, duplicates, too many books, anonymous', async () => {
      const reader = await aMember();
      const book = await aBook(6);
      const cases: [unknown[], string][] = [
        [['no-such-book'], 'NOT_FOUND'],
        [[book, book], 'BAD_USER_INPUT'],
        [[], 'BAD_USER_INPUT'],
        [[book, 'b', 'c', 'd', 'e', 'f'], 'LOAN_LIMIT_REACHED'],
      ];
      for (const [bookIds, code] of cases) {
        const response = await request(
          BorrowBooks,
          { bookIds: bookIds as string[] },
          { token: reader.token },
        );
        expect([bookIds, errorCode(response)]).toEqual([bookIds, code]);
        expect(response.errors![0]!.message.length).toBeGreaterThan(10);
      }
      expect(errorCode(await request(BorrowBooks, { bookIds: [book] }))).toBe('UNAUTHENTICATED');
      // A catalogued book with no copy in circulation (none added, or all withdrawn) cannot be lent.
      const noCopies = await request(BorrowBooks, { bookIds: [await aBook(0)] }, { token: reader.token });
      expect(errorCode(noCopies)).toBe('NO_COPY_AVAILABLE');
      const withdrawnBook = await aBook(0);
      const [copy] = (await request(AddCopies, { bookId: withdrawnBook, count: 1 }, { token: admin })).data!
        .addCopies;
      expect(
        (await request(WithdrawCopy, { copyId: copy!.id }, { token: admin })).data?.withdrawCopy.status,
      ).toBe('WITHDRAWN');
      const withdrawn = await request(BorrowBooks, { bookIds: [withdrawnBook] }, { token: reader.token });
      expect(errorCode(withdrawn)).toBe('NO_COPY_AVAILABLE');
      expect(withdrawn.errors![0]!.message).toMatch(/no copy in circulation/);
      expect((await circulationOf(reader.token)).loans).toEqual([]);
      expect(await availability(book)).toMatchObject({ available: 6 });
    });

    it('a blocked member cannot borrow or hold until unblocked; members cannot block', async () => {
      const reader = await aMember();
      const book = await aBook(2);
      expect(
        errorCode(await request(BlockMember, { memberId: reader.id, reason: 'x' }, { token: reader.token })),
      ).toBe('FORBIDDEN');
      const blocked = await request(
        BlockMember,
        { memberId: reader.id, reason: 'Damaged two books' },
        { token: admin },
      );
      expect(blocked.data?.blockMember.status).toBe('BLOCKED');
      const refused = await request(BorrowBooks, { bookIds: [book] }, { token: reader.token });
      expect(errorCode(refused)).toBe('MEMBER_BLOCKED');
      expect(errorCode(await request(PlaceHold, { bookId: book }, { token: reader.token }))).toBe(
        'MEMBER_BLOCKED',
      );
      await request(UnblockMember, { memberId: reader.id }, { token: admin });
      expect(
        (await request(BorrowBooks, { bookIds: [book] }, { token: reader.token })).errors,
      ).toBeUndefined();
    });

    it("returning or renewing someone else's loan is FORBIDDEN; renewals stop at the limit", async () => {
      const [owner, stranger] = [await aMember(), await aMember()];
      const loanId = (await request(BorrowBooks, { bookIds: [await aBook(1)] }, { token: owner.token })).data!
        .borrowBooks[0]!.id;
      expect(errorCode(await request(ReturnLoan, { loanId }, { token: stranger.token }))).toBe('FORBIDDEN');
      expect(errorCode(await request(RenewLoan, { loanId }, { token: stranger.token }))).toBe('FORBIDDEN');
      expect((await request(RenewLoan, { loanId }, { token: owner.token })).data?.renewLoan.renewals).toBe(1);
      expect((await request(RenewLoan, { loanId }, { token: owner.token })).data?.renewLoan.renewals).toBe(2);
      expect(errorCode(await request(RenewLoan, { loanId }, { token: owner.token }))).toBe(
        'RENEWAL_LIMIT_REACHED',
      );
      expect(errorCode(await request(ReturnLoan, { loanId: 'no-such-loan' }, { token: owner.token }))).toBe(
        'NOT_FOUND',
      );
    });

    it('a hold without enough points is INSUFFICIENT_POINTS and takes nothing; a librarian grant helps', async () => {
      const reader = await aMember();
      for (let i = 0; i < 3; i += 1) {
        expect(
          (await request(PlaceHold, { bookId: await aBook(0) }, { token: reader.token })).errors,
        ).toBeUndefined();
      }
      const book = await aBook(0);
      const refused = await request(PlaceHold, { bookId: book }, { token: reader.token });
      expect(errorCode(refused)).toBe('INSUFFICIENT_POINTS');
      const mine = await circulationOf(reader.token);
      expect(mine.points).toBe(0);
      expect(mine.holds).toHaveLength(3);
      await request(
        GrantPoints,
        { memberId: reader.id, points: 10, reason: 'Volunteering' },
        { token: admin },
      );
      expect((await request(PlaceHold, { bookId: book }, { token: reader.token })).errors).toBeUndefined();
      expect(errorCode(await request(PlaceHold, { bookId: book }, { token: reader.token }))).toBe(
        'ALREADY_EXISTS',
      );
    });

    it('a member with an overdue loan cannot borrow; the overdue job marks the loan', async () => {
      const reader = await aMember();
      const loanId = (await request(BorrowBooks, { bookIds: [await aBook(1)] }, { token: reader.token }))
        .data!.borrowBooks[0]!.id;
      clock.advanceDays(15);
      await library.shelfmark.runJobs();
      expect((await circulationOf(reader.token)).loans![0]?.status).toBe('OVERDUE');
      expect(
        errorCode(await request(BorrowBooks, { bookIds: [await aBook(1)] }, { token: reader.token })),
      ).toBe('MEMBER_BLOCKED');
      // Returned late: no point earned, and borrowing works again.
      await request(ReturnLoan, { loanId }, { token: reader.token });
      expect((await circulationOf(reader.token)).points).toBe(30);
      expect(
        (await request(BorrowBooks, { bookIds: [await aBook(1)] }, { token: reader.token })).errors,
      ).toBeUndefined();
    });
  });

  it('applies every event once: delivering all of them again, twice, changes nothing', async () => {
    const snapshot = async () => ({
      readers: await Promise.all(readers.map((token) => circulationOf(token))),
      books: await Promise.all(books.map(async (id) => (await request(BookCirculation, { id })).data!.book)),
    });
    const before = await snapshot();
    expect(published.length).toBeGreaterThan(100);
    const types = new Set(published.map((event) => event.type));
    for (const type of [
      'shelfmark.loans.loan-borrowed.v1',
      'shelfmark.loans.loan-returned.v1',
      'shelfmark.loans.hold-ready.v1',
      'shelfmark.loans.hold-expired.v1',
      'shelfmark.loans.hold-cancelled.v1',
      'shelfmark.members.points-changed.v1',
      'shelfmark.inventory.copy-status-changed.v1',
    ]) {
      expect(types).toContain(type);
    }
    const replay = [...published];
    await library.shelfmark.bus.publish(replay);
    await library.shelfmark.bus.publish(replay);
    expect(await snapshot()).toEqual(before);
    const deadLetters = join(library.dataDir, 'dead-letters.jsonl');
    expect(existsSync(deadLetters) ? readFileSync(deadLetters, 'utf8') : '').toBe('');
  });
});
