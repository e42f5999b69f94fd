import { errorCode, startTestSubgraph, type TestSubgraph } from '@shelfmark/testing';
import { randomUUID } from 'node:crypto';
import { inventorySubgraph } from '../src';
import { CopySchema } from '../src/adapters/persistence/copy.schema';
import { aBookAddedEvent, aLoansEvent } from './support/builders';

const RESERVE_BY_BARCODE = /* GraphQL */ `
  mutation ReserveCopiesByBarcode(
    $borrowId: ID!
    $memberId: ID!
    $barcodes: [String!]!
    $deadline: DateTime!
  ) {
    reserveCopiesByBarcode(
      borrowId: $borrowId
      memberId: $memberId
      barcodes: $barcodes
      deadline: $deadline
    ) {
      bookId
      copyId
      barcode
      holdId
    }
  }
`;
const RESERVE_COPIES = /* GraphQL */ `
  mutation ReserveCopies($borrowId: ID!, $bookIds: [ID!]!, $deadline: DateTime!) {
    reserveCopies(borrowId: $borrowId, bookIds: $bookIds, deadline: $deadline) {
      copyId
      barcode
    }
  }
`;

interface Reservation {
  bookId: string;
  copyId: string;
  barcode: string;
  holdId: string | null;
}

/** The desk's check-out step in inventory: copies named by barcode, for a member, by a librarian. */
describe('inventory: reserving the copies a librarian scans (checkOut)', () => {
  let t: TestSubgraph;
  let librarian: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestSubgraph(inventorySubgraph());
    librarian = await t.tokenFor({ memberId: 'librarian', role: 'LIBRARIAN' });
    member = await t.tokenFor({ memberId: 'm1', role: 'MEMBER' });
  });
  afterAll(() => t.stop());

  const inAMinute = () => new Date(Date.now() + 60_000).toISOString();
  const reserveByBarcode = (
    barcodes: string[],
    { memberId = 'm1', borrowId = randomUUID(), token = librarian } = {},
  ) =>
    t.request<{ reserveCopiesByBarcode: Reservation[] }>(
      RESERVE_BY_BARCODE,
      { borrowId, memberId, barcodes, deadline: inAMinute() },
      { token },
    );
  const aBookWithCopies = async (count: number) => {
    const bookId = randomUUID();
    await t.deliver(aBookAddedEvent(bookId, { title: 'Dune' }));
    const res = await t.request<{ addCopies: { id: string; barcode: string }[] }>(
      'mutation($bookId: ID!, $count: Int!) { addCopies(bookId: $bookId, count: $count) { id barcode } }',
      { bookId, count },
      { token: librarian },
    );
    expect(res.errors).toBeUndefined();
    return { bookId, copies: res.data!.addCopies };
  };
  const copy = (id: string) => t.subgraph.orm.em.fork().findOneOrFail(CopySchema, { id });
  /** Lends the copy and brings it back onto the hold shelf for `holder`'s hold. */
  const shelveForHold = async (copyId: string, bookId: string, holder: string, holdId: string) => {
    const borrowId = randomUUID();
    expect((await reserveByBarcode([(await copy(copyId)).barcode], { borrowId })).errors).toBeUndefined();
    const loanId = randomUUID();
    await t.deliver(
      aLoansEvent('shelfmark.loans.loan-borrowed.v1', {
        loanId,
        borrowId,
        memberId: 'm1',
        bookId,
        copyId,
        holdId: null,
        borrowedAt: new Date().toISOString(),
        dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      }),
    );
    await t.deliver(
      aLoansEvent('shelfmark.loans.loan-returned.v1', {
        loanId,
        memberId: 'm1',
        bookId,
        copyId,
        returnedAt: new Date().toISOString(),
        onTime: true,
        nextHold: { holdId, memberId: holder },
      }),
    );
    expect(await copy(copyId)).toMatchObject({ status: 'ON_HOLD_SHELF', heldForMemberId: holder });
  };

  it('reserves exactly the copies scanned, for the member named, answering their barcodes', async () => {
    const { bookId, copies } = await aBookWithCopies(3);
    const borrowId = randomUUID();
    const scanned = copies[2]!;

    const res = await reserveByBarcode([scanned.barcode.toLowerCase()], { borrowId, memberId: 'm7' });

    expect(res.errors).toBeUndefined();
    expect(res.data!.reserveCopiesByBarcode).toEqual([
      { bookId, copyId: scanned.id, barcode: scanned.barcode, holdId: null },
    ]);
    expect(await copy(scanned.id)).toMatchObject({
      status: 'ON_LOAN',
      reservedFor: borrowId,
      reservedBy: 'm7',
    });
    expect(await copy(copies[0]!.id)).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
    // Asked again for the same request: the same answer, nothing more reserved.
    const again = await reserveByBarcode([scanned.barcode], { borrowId, memberId: 'm7' });
    expect(again.data).toEqual(res.data);
  });

  it('is for staff only: a member calling it is FORBIDDEN and reserves nothing', async () => {
    const { copies } = await aBookWithCopies(1);
    const res = await reserveByBarcode([copies[0]!.barcode], { token: member });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await copy(copies[0]!.id)).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
  });

  it('lends a hold-shelf copy to the member it waits for only, naming the hold', async () => {
    const { bookId, copies } = await aBookWithCopies(1);
    const kept = copies[0]!;
    await shelveForHold(kept.id, bookId, 'holder', 'hold-1');

    const refused = await reserveByBarcode([kept.barcode], { memberId: 'someone-else' });
    expect(errorCode(refused)).toBe('NO_COPY_AVAILABLE');
    expect(refused.errors![0]!.extensions).toMatchObject({
      barcode: kept.barcode,
      reason: 'HELD_FOR_ANOTHER',
      field: 'barcodes',
    });
    const res = await reserveByBarcode([kept.barcode], { memberId: 'holder' });
    expect(res.data?.reserveCopiesByBarcode).toEqual([
      { bookId, copyId: kept.id, barcode: kept.barcode, holdId: 'hold-1' },
    ]);
  });

  it('refuses, reserving nothing: an unknown barcode, a copy scanned twice, a copy on loan', async () => {
    const { copies } = await aBookWithCopies(2);
    const [free, taken] = copies as [{ id: string; barcode: string }, { id: string; barcode: string }];
    expect((await reserveByBarcode([taken.barcode], { memberId: 'm2' })).errors).toBeUndefined();

    const unknown = await reserveByBarcode([free.barcode, 'SM0000000ZZZ']);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(unknown.errors![0]!.extensions).toMatchObject({ entity: 'Copy', field: 'barcodes' });
    const twice = await reserveByBarcode([free.barcode, ` ${free.barcode.toLowerCase()} `]);
    expect(errorCode(twice)).toBe('BAD_USER_INPUT');
    expect(twice.errors![0]!.extensions).toMatchObject({ field: 'barcodes' });
    const onLoan = await reserveByBarcode([free.barcode, taken.barcode]);
    expect(errorCode(onLoan)).toBe('NO_COPY_AVAILABLE');
    expect(onLoan.errors![0]!.message).toMatch(/out on loan/);
    expect(await copy(free.id)).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
  });

  it('checkout-cancelled releases what the checkOut reserved, once however often it is delivered', async () => {
    const { bookId, copies } = await aBookWithCopies(2);
    const kept = copies[0]!;
    await shelveForHold(kept.id, bookId, 'holder', 'hold-2');
    const borrowId = randomUUID();
    const barcodes = [kept.barcode, copies[1]!.barcode];
    expect((await reserveByBarcode(barcodes, { borrowId, memberId: 'holder' })).errors).toBeUndefined();

    const cancelled = aLoansEvent('shelfmark.loans.checkout-cancelled.v1', {
      borrowId,
      memberId: 'holder',
      barcodes: barcodes.map((barcode) => barcode.toLowerCase()),
      reason: 'SERVICE_UNAVAILABLE: timed out',
    });
    await t.deliver(cancelled);
    await t.deliver(cancelled);

    // Back where each came from: the hold shelf for its hold, and the shelves.
    expect(await copy(kept.id)).toMatchObject({
      status: 'ON_HOLD_SHELF',
      heldForHoldId: 'hold-2',
      reservedFor: null,
    });
    expect(await copy(copies[1]!.id)).toMatchObject({ status: 'AVAILABLE', reservedFor: null });
    expect(t.deadLetters.letters).toEqual([]);
  });

  it("reserveCopies (borrowBooks) answers each copy's barcode too, for loans to keep", async () => {
    const { copies, bookId } = await aBookWithCopies(1);
    const res = await t.request<{ reserveCopies: { copyId: string; barcode: string }[] }>(
      RESERVE_COPIES,
      { borrowId: randomUUID(), bookIds: [bookId], deadline: inAMinute() },
      { token: member },
    );
    expect(res.data?.reserveCopies).toEqual([{ copyId: copies[0]!.id, barcode: copies[0]!.barcode }]);
  });
});
