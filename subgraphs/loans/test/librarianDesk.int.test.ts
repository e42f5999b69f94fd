import { createEvent } from '@shelfmark/events';
import {
  aBookAddedEvent,
  aMemberRegisteredEvent,
  errorCode,
  manualClock,
  startTestSubgraph,
  type TestSubgraph,
} from '@shelfmark/testing';
import { loansSubgraph, type BorrowStep } from '../src';
import { BorrowRequestSchema } from '../src/adapters/persistence/borrow-request.schema';
import { BorrowerSchema } from '../src/adapters/persistence/borrower.schema';
import { FakePeer, fakeDeskInventory, fakeMembers, heldUntilReleased } from './support/fakePeers';

const CHECK_OUT = /* GraphQL */ `
  mutation CheckOut($cardNumber: String!, $barcodes: [String!]!) {
    checkOut(cardNumber: $cardNumber, barcodes: $barcodes) {
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
    }
  }
`;
const CHECK_IN = /* GraphQL */ `
  mutation CheckIn($barcode: String!) {
    checkIn(barcode: $barcode) {
      loan {
        id
        status
        returnedAt
      }
      routedTo {
        destination
        hold {
          id
          member {
            id
          }
        }
      }
    }
  }
`;
const BORROW = `mutation Borrow($bookIds: [ID!]!) { borrowBooks(bookIds: $bookIds) { id } }`;
const PLACE = `mutation Place($bookId: ID!) { placeHold(bookId: $bookId) { id } }`;
const STANDING = /* GraphQL */ `
  query Standing($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Member {
        activeLoanCount
        loanLimit
        canBorrow
        cannotBorrowReason
        holds {
          id
          status
        }
      }
    }
  }
`;

interface LoanData {
  id: string;
  status: string;
  book: { id: string };
  copy: { id: string };
  member: { id: string };
}
interface CheckInData {
  loan: { id: string; status: string; returnedAt: string | null };
  routedTo: { destination: string; hold: { id: string; member: { id: string } } | null };
}
interface Standing {
  activeLoanCount: number | null;
  loanLimit: number | null;
  canBorrow: boolean | null;
  cannotBorrowReason: string | null;
  holds: { id: string; status: string }[] | null;
}

const DAY = 24 * 60 * 60 * 1000;

/** The librarian's desk in loans: checkOut by card and barcodes, checkIn by barcode, a member's standing. */
describe('the librarian desk in the loans subgraph (checkOut, checkIn, standing)', () => {
  const clock = manualClock();
  let t: TestSubgraph;
  let inventory: FakePeer;
  let desk: ReturnType<typeof fakeDeskInventory>;
  let members: FakePeer;
  let librarian: string;
  let probe: (step: BorrowStep) => void = () => undefined;
  let n = 0;
  const fresh = (prefix: string) => `${prefix}-${++n}`;

  beforeAll(async () => {
    desk = fakeDeskInventory();
    inventory = await new FakePeer(desk).start();
    members = await new FakePeer(fakeMembers(1000)).start();
    t = await startTestSubgraph(
      loansSubgraph({ peerTimeoutMs: 2000, sagaTimeoutMs: 5000, borrowProbe: (step) => probe(step) }),
      { clock: clock.now, peers: (name) => ({ inventory: inventory.url, members: members.url })[name] },
    );
    const librarianId = fresh('lib');
    await t.deliver(aMemberRegisteredEvent(librarianId, { role: 'LIBRARIAN' }));
    librarian = await t.tokenFor({ memberId: librarianId, role: 'LIBRARIAN' });
  });
  afterAll(async () => {
    await t.stop();
    await inventory.stop();
    await members.stop();
  });

  /** A member loans heard of from members, with the card members issued them. */
  const aMember = async () => {
    const id = fresh('m');
    const card = `SM-${String(n).padStart(8, '0')}`;
    await t.deliver(aMemberRegisteredEvent(id));
    await t.deliver(
      createEvent('shelfmark.members.member-card-issued.v1', id, {
        memberId: id,
        number: card,
        issuedAt: clock.now().toISOString(),
        expiresAt: new Date(clock.now().getTime() + 365 * DAY).toISOString(),
      }),
    );
    return { id, card, token: await t.tokenFor({ memberId: id, role: 'MEMBER' }) };
  };
  /** A book loans knows of, with `copies` copies in inventory; their barcodes. */
  const aBook = async (copies = 1) => {
    const bookId = fresh('book');
    await t.deliver(aBookAddedEvent(bookId, { title: `Title of ${bookId}` }));
    return { bookId, barcodes: desk.add(bookId, copies).map((copy) => copy.barcode) };
  };
  const checkOut = (cardNumber: string, barcodes: string[], token = librarian) =>
    t.request<{ checkOut: LoanData[] }>(CHECK_OUT, { cardNumber, barcodes }, { token });
  const checkIn = (barcode: string, token = librarian) =>
    t.request<{ checkIn: CheckInData }>(CHECK_IN, { barcode }, { token });
  const standing = async (memberId: string, token = librarian) => {
    const response = await t.request<{ _entities: Standing[] }>(
      STANDING,
      { reps: [{ __typename: 'Member', id: memberId }] },
      { token },
    );
    return { response, standing: response.data?._entities[0] };
  };
  const eventsOf = (type: string, since: number) =>
    t.published.slice(since).filter((event) => event.type === type);
  /** The copy came back to inventory (its loan-returned handled there). */
  const backInInventory = (barcode: string) => {
    desk.copies.get(barcode)!.taken = false;
  };

  describe('checkOut', () => {
    it('lends the scanned copies to the card’s member, announcing each loan as borrowBooks does', async () => {
      const reader = await aMember();
      const [dune, emma] = [await aBook(2), await aBook()];
      const since = t.published.length;

      // The card and the barcodes as typed: lower case, without the hyphen.
      const typedCard = reader.card.replace('-', '').toLowerCase();
      const response = await checkOut(typedCard, [dune.barcodes[1]!.toLowerCase(), emma.barcodes[0]!]);

      expect(response.errors).toBeUndefined();
      const loans = response.data!.checkOut;
      expect(loans.map((loan) => [loan.book.id, loan.member.id, loan.status])).toEqual([
        [dune.bookId, reader.id, 'ACTIVE'],
        [emma.bookId, reader.id, 'ACTIVE'],
      ]);
      expect(loans[0]!.copy.id).toBe(desk.copies.get(dune.barcodes[1]!)!.copyId);
      // Inventory was asked for those very copies, for the member, with the librarian's token.
      expect(inventory.calls.at(-1)).toMatchObject({
        operation: 'ReserveCopiesByBarcode',
        variables: { memberId: reader.id, barcodes: [dune.barcodes[1], emma.barcodes[0]] },
        authorization: `Bearer ${librarian}`,
      });
      await t.flush();
      expect(eventsOf('shelfmark.loans.loan-borrowed.v1', since).map((event) => event.data)).toEqual([
        expect.objectContaining({ memberId: reader.id, bookId: dune.bookId, holdId: null }),
        expect.objectContaining({ memberId: reader.id, bookId: emma.bookId, holdId: null }),
      ]);
      expect((await standing(reader.id)).standing).toMatchObject({
        activeLoanCount: 2,
        loanLimit: 5,
        canBorrow: true,
        cannotBorrowReason: null,
      });
    });

    it('is for staff only: a member is FORBIDDEN, anonymous UNAUTHENTICATED, and inventory is not asked', async () => {
      const reader = await aMember();
      const { barcodes } = await aBook();
      const calls = inventory.calls.length;
      expect(errorCode(await checkOut(reader.card, barcodes, reader.token))).toBe('FORBIDDEN');
      expect(errorCode(await t.request(CHECK_OUT, { cardNumber: reader.card, barcodes }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(inventory.calls.length).toBe(calls);
    });

    it.each<[string, (card: string, barcodes: string[]) => [string, string[]], string, string | undefined]>([
      ['an unknown card', (_card, barcodes) => ['SM-99999999', barcodes], 'NOT_FOUND', 'cardNumber'],
      ['an empty card number', (_card, barcodes) => ['  ', barcodes], 'BAD_USER_INPUT', 'cardNumber'],
      ['no copy', (card) => [card, []], 'BAD_USER_INPUT', 'barcodes'],
      [
        'a copy scanned twice',
        (card, [b]) => [card, [b!, ` ${b!.toLowerCase()} `]],
        'BAD_USER_INPUT',
        'barcodes',
      ],
      [
        'more copies than the loan limit',
        (card, [b]) => [card, [b!, 'SMA', 'SMB', 'SMC', 'SMD', 'SME']],
        'LOAN_LIMIT_REACHED',
        undefined,
      ],
      [
        'a barcode inventory does not have (relayed)',
        (card, [b]) => [card, [b!, 'SM0000000ZZZ']],
        'NOT_FOUND',
        undefined,
      ],
    ])('refuses %s, lending nothing', async (_case, make, code, field) => {
      const reader = await aMember();
      const { barcodes } = await aBook();
      const [card, scanned] = make(reader.card, barcodes);
      const response = await checkOut(card, scanned);
      expect(errorCode(response)).toBe(code);
      if (field) expect(response.errors![0]!.extensions?.['field']).toBe(field);
      expect(response.errors![0]!.message).not.toMatch(/internal|undefined/i);
      expect((await standing(reader.id)).standing?.activeLoanCount).toBe(0);
    });

    it('refuses a blocked member, naming the block, and says so before the first scan', async () => {
      const reader = await aMember();
      await t.deliver(
        createEvent('shelfmark.members.member-blocked.v1', reader.id, {
          memberId: reader.id,
          reason: 'Lost three books',
          blockedBy: 'lib',
        }),
      );
      expect((await standing(reader.id)).standing).toMatchObject({
        canBorrow: false,
        cannotBorrowReason: 'BLOCKED',
      });
      const refused = await checkOut(reader.card, (await aBook()).barcodes);
      expect(errorCode(refused)).toBe('MEMBER_BLOCKED');
      expect(refused.errors![0]!.message).toMatch(/^This member is blocked \(Lost three books\)/);
    });

    it('refuses a member with an overdue loan', async () => {
      const reader = await aMember();
      expect((await checkOut(reader.card, (await aBook()).barcodes)).errors).toBeUndefined();
      clock.advanceDays(15);
      try {
        expect((await standing(reader.id)).standing?.cannotBorrowReason).toBe('OVERDUE_LOAN');
        const refused = await checkOut(reader.card, (await aBook()).barcodes);
        expect(errorCode(refused)).toBe('MEMBER_BLOCKED');
        expect(refused.errors![0]!.message).toMatch(/This member has an overdue loan/);
      } finally {
        clock.advanceDays(-15);
      }
    });

    it('counts the loans the member has out against the limit, borrowed or checked out', async () => {
      const reader = await aMember();
      const borrowed = await aBook();
      expect(
        (await t.request(BORROW, { bookIds: [borrowed.bookId] }, { token: reader.token })).errors,
      ).toBeUndefined();
      const four = await Promise.all([1, 2, 3, 4].map(() => aBook()));
      expect(
        (
          await checkOut(
            reader.card,
            four.map((book) => book.barcodes[0]!),
          )
        ).errors,
      ).toBeUndefined();
      expect((await standing(reader.id)).standing).toMatchObject({
        activeLoanCount: 5,
        canBorrow: false,
        cannotBorrowReason: 'LOAN_LIMIT_REACHED',
      });
      const over = await checkOut(reader.card, (await aBook()).barcodes);
      expect(errorCode(over)).toBe('LOAN_LIMIT_REACHED');
      expect(over.errors![0]!.message).toBe(
        'This member has 5 of 5 loans out; lending 1 more would go over the limit.',
      );
    });

    it('relays a copy inventory refuses, and frees the slots the request claimed', async () => {
      const reader = await aMember();
      const free = await aBook();
      const taken = await aBook();
      desk.copies.get(taken.barcodes[0]!)!.taken = true;
      const refused = await checkOut(reader.card, [free.barcodes[0]!, taken.barcodes[0]!]);
      expect(errorCode(refused)).toBe('NO_COPY_AVAILABLE');
      const borrower = await t.subgraph.orm.em.fork().findOneOrFail(BorrowerSchema, { memberId: reader.id });
      expect(borrower.pending).toEqual([]);
    });

    it('answers SERVICE_UNAVAILABLE when inventory is too slow, and tells it to release the copies named', async () => {
      const reader = await aMember();
      const { barcodes } = await aBook();
      const slow = heldUntilReleased(desk);
      inventory.behaviour = slow;
      try {
        const since = t.published.length;
        expect(errorCode(await checkOut(reader.card, barcodes))).toBe('SERVICE_UNAVAILABLE');
        await t.flush();
        expect(eventsOf('shelfmark.loans.checkout-cancelled.v1', since).map((event) => event.data)).toEqual([
          expect.objectContaining({ memberId: reader.id, barcodes }),
        ]);
        expect(eventsOf('shelfmark.loans.borrow-cancelled.v1', since)).toEqual([]);
      } finally {
        slow.release();
        inventory.behaviour = desk;
      }
    });

    it.each([['started'], ['reserved']] as const)(
      'after a crash at "%s", recovery finishes or compensates the checkOut',
      async (step) => {
        const reader = await aMember();
        const { barcodes } = await aBook();
        const since = t.published.length;
        probe = (reached) => {
          if (reached === step) throw new Error(`simulated crash at ${step}`);
        };
        try {
          expect(errorCode(await checkOut(reader.card, barcodes))).toBe('INTERNAL_SERVER_ERROR');
        } finally {
          probe = () => undefined;
        }
        await t.restart();
        clock.advanceMs(6000);
        await t.subgraph.runJobs();
        await t.flush();
        const [request] = await t.subgraph.orm.em.fork().find(BorrowRequestSchema, { memberId: reader.id });
        if (step === 'reserved') {
          expect(request).toMatchObject({ status: 'CONFIRMED', barcodes });
          expect(eventsOf('shelfmark.loans.loan-borrowed.v1', since)).toHaveLength(1);
        } else {
          expect(request).toMatchObject({ status: 'CANCELLED', barcodes });
          expect(eventsOf('shelfmark.loans.checkout-cancelled.v1', since)).toHaveLength(1);
        }
      },
    );
  });

  describe('checkIn', () => {
    it('returns the loan and sends the copy back to the shelves when nobody waits', async () => {
      const reader = await aMember();
      const { barcodes } = await aBook();
      const loanId = (await checkOut(reader.card, barcodes)).data!.checkOut[0]!.id;
      const since = t.published.length;

      const response = await checkIn(barcodes[0]!.toLowerCase());

      expect(response.errors).toBeUndefined();
      expect(response.data!.checkIn).toMatchObject({
        loan: { id: loanId, status: 'RETURNED' },
        routedTo: { destination: 'SHELF', hold: null },
      });
      await t.flush();
      expect(eventsOf('shelfmark.loans.loan-returned.v1', since).map((event) => event.data)).toEqual([
        expect.objectContaining({ loanId, memberId: reader.id, onTime: true, nextHold: null }),
      ]);
      // Checked in already: nothing to check in.
      const again = await checkIn(barcodes[0]!);
      expect(errorCode(again)).toBe('NOT_FOUND');
      expect(again.errors![0]!.extensions).toMatchObject({ entity: 'Loan', field: 'barcode' });
    });

    it('routes the copy to the first hold in the queue, which becomes READY', async () => {
      const [holder, first, second] = [await aMember(), await aMember(), await aMember()];
      const book = await aBook();
      // Borrowed online (borrowBooks): loans kept the barcode inventory answered.
      expect(
        (await t.request(BORROW, { bookIds: [book.bookId] }, { token: holder.token })).errors,
      ).toBeUndefined();
      const hold = (
        await t.request<{ placeHold: { id: string } }>(PLACE, { bookId: book.bookId }, { token: first.token })
      ).data!.placeHold;
      clock.advanceMs(1);
      await t.request(PLACE, { bookId: book.bookId }, { token: second.token });

      const response = await checkIn(book.barcodes[0]!);

      expect(response.errors).toBeUndefined();
      expect(response.data!.checkIn.routedTo).toEqual({
        destination: 'HOLD_SHELF',
        hold: { id: hold.id, member: { id: first.id } },
      });
      await t.flush();
      expect((await standing(first.id)).standing?.holds).toEqual([{ id: hold.id, status: 'READY' }]);

      // The copy waits on the hold shelf for the first in line: checked out to them, it fulfils the hold.
      const copy = desk.copies.get(book.barcodes[0]!)!;
      backInInventory(copy.barcode);
      copy.heldFor = { holdId: hold.id, memberId: first.id };
      const lent = await checkOut(first.card, [copy.barcode]);
      expect(lent.errors).toBeUndefined();
      await t.flush();
      expect((await standing(first.id)).standing?.holds).toEqual([{ id: hold.id, status: 'FULFILLED' }]);
    });

    it('is for staff only, and refuses a barcode no loan is out on', async () => {
      const reader = await aMember();
      const { barcodes } = await aBook();
      await checkOut(reader.card, barcodes);
      expect(errorCode(await checkIn(barcodes[0]!, reader.token))).toBe('FORBIDDEN');
      const never = await checkIn('SM0000000ZZZ');
      expect(errorCode(never)).toBe('NOT_FOUND');
      expect(never.errors![0]!.message).toMatch(/SM0000000ZZZ is not out on loan/);
      expect(errorCode(await checkIn('  '))).toBe('BAD_USER_INPUT');
    });
  });

  it("shows a member's standing to themself and staff only", async () => {
    const [reader, other] = [await aMember(), await aMember()];
    expect((await standing(reader.id, reader.token)).standing?.canBorrow).toBe(true);
    const refused = await standing(reader.id, other.token);
    expect(new Set(refused.response.errors?.map((error) => error.extensions?.['code']))).toEqual(
      new Set(['FORBIDDEN']),
    );
    expect(refused.standing).toMatchObject({
      activeLoanCount: null,
      canBorrow: null,
      cannotBorrowReason: null,
    });
  });
});
