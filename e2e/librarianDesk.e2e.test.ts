import { errorCode, type GraphQLRequest, type GraphQLResponse } from '@shelfmark/testing';
import {
  AddCopies,
  BlockMember,
  BookCirculation,
  CheckIn,
  CheckOut,
  FindMembers,
  Me,
  MyCirculation,
  PlaceHold,
} from './operations';
import { until } from './support/subscribers';
import { startLibrary, type Library, type Reader } from './support/library';

/** A reader as the desk knows them: with the library card members issued (asynchronously). */
interface Patron extends Reader {
  readonly name: string;
  readonly card: string;
}

/**
 * The librarian desk end to end (issue 10, item 4), through the router only, on the embedded
 * defaults: check out by card and barcodes, check in with the copy's routing, look members up.
 */
describe('the librarian desk through the router (embedded)', () => {
  let library: Library;
  let request: GraphQLRequest;
  let librarian: string;
  let n = 0;

  beforeAll(async () => {
    library = await startLibrary({ prefix: 'shelfmark-desk-' });
    ({ request } = library);
    librarian = await library.adminToken();
  });
  afterAll(() => library.close());

  /** A registered member with their card; ready at the desk once loans has heard of the card. */
  const aPatron = async (name = `Reader ${++n}`): Promise<Patron> => {
    const reader = await library.registerReader(name, `desk.reader${++n}@library.test`);
    let card: string | undefined;
    await until(async () => {
      card = (await request(Me, {}, { token: reader.token })).data?.me?.card?.number;
      return card !== undefined;
    });
    // Loans learns the card from member-card-issued. A probe that lends nothing: an unknown
    // barcode is refused by inventory (Copy), an unknown card by loans (MemberCard).
    await until(async () => {
      const probe = await request(
        CheckOut,
        { cardNumber: card!, barcodes: ['SM0000000000'] },
        { token: librarian },
      );
      return probe.errors?.[0]?.extensions?.['entity'] === 'Copy';
    });
    return { ...reader, name, card: card! };
  };
  /** A book with `copies` copies; their barcodes. */
  const aBook = async (copies: number, title = `Desk book ${++n}`) => {
    const bookId = await library.addBook(title);
    const added = await request(AddCopies, { bookId, count: copies }, { token: librarian });
    expect(added.errors).toBeUndefined();
    return { bookId, barcodes: added.data!.addCopies.map((copy) => copy.barcode) };
  };
  const checkOut = (cardNumber: string, barcodes: string[], token = librarian) =>
    request(CheckOut, { cardNumber, barcodes }, { token });
  const checkIn = (barcode: string, token = librarian) => request(CheckIn, { barcode }, { token });
  const atTheDesk = async (search: string) => {
    const found = await request(FindMembers, { search }, { token: librarian });
    expect(found.errors).toBeUndefined();
    return found.data!.members.edges.map((edge) => edge.node);
  };
  const availability = async (bookId: string) =>
    (await request(BookCirculation, { id: bookId })).data!.book!.availability;
  const holdsOf = async (patron: Patron) =>
    (await request(MyCirculation, {}, { token: patron.token })).data!.me!.holds!;
  const codeOf = (response: GraphQLResponse<unknown>) => errorCode(response);

  it('checks the scanned copies out to the member whose card is scanned', async () => {
    const patron = await aPatron('Ada Lovelace');
    const dune = await aBook(2, 'Dune');

    // As typed at the desk: card and barcode in lower case, the card without its hyphen.
    const lent = await checkOut(patron.card.replace('-', '').toLowerCase(), [
      dune.barcodes[1]!.toLowerCase(),
    ]);

    expect(lent.errors).toBeUndefined();
    expect(lent.data!.checkOut).toEqual([
      expect.objectContaining({
        status: 'ACTIVE',
        book: { id: dune.bookId, title: 'Dune' },
        copy: expect.objectContaining({ barcode: dune.barcodes[1], status: 'ON_LOAN' }) as unknown,
        member: { id: patron.id, name: 'Ada Lovelace' },
      }),
    ]);
    expect(await availability(dune.bookId)).toEqual({ total: 2, available: 1, onLoan: 1, onHoldShelf: 0 });
    const mine = (await request(MyCirculation, {}, { token: patron.token })).data!.me!;
    expect(mine.loans!.map((loan) => loan.copy.barcode)).toEqual([dune.barcodes[1]]);
    // The same loan-borrowed as borrowBooks: analytics counted it.
    await until(
      async () => (await request(BookCirculation, { id: dune.bookId })).data!.book!.borrowCount === 1,
    );
    expect((await atTheDesk(patron.card))[0]).toMatchObject({
      id: patron.id,
      activeLoanCount: 1,
      loanLimit: 5,
      canBorrow: true,
      cannotBorrowReason: null,
    });
  });

  it('refuses a blocked member, and shows the block before the first scan', async () => {
    const patron = await aPatron();
    const { bookId, barcodes } = await aBook(1);
    const blocked = await request(
      BlockMember,
      { memberId: patron.id, reason: 'Damaged two books' },
      { token: librarian },
    );
    expect(blocked.errors).toBeUndefined();
    await until(async () => (await atTheDesk(patron.card))[0]?.cannotBorrowReason === 'BLOCKED');
    expect((await atTheDesk(patron.card))[0]).toMatchObject({
      status: 'BLOCKED',
      blockedReason: 'Damaged two books',
      canBorrow: false,
    });

    const refused = await checkOut(patron.card, barcodes);
    expect(codeOf(refused)).toBe('MEMBER_BLOCKED');
    expect(refused.errors![0]!.message).toMatch(/This member is blocked \(Damaged two books\)/);
    expect(await availability(bookId)).toMatchObject({ available: 1, onLoan: 0 });
  });

  it('refuses to lend past the loan limit, lending nothing, and shows the limit reached', async () => {
    const patron = await aPatron();
    const books = await Promise.all([1, 2, 3, 4, 5, 6].map(() => aBook(1)));
    const six = books.map((book) => book.barcodes[0]!);
    expect(codeOf(await checkOut(patron.card, six))).toBe('LOAN_LIMIT_REACHED');
    expect((await checkOut(patron.card, six.slice(0, 5))).errors).toBeUndefined();
    expect((await atTheDesk(patron.card))[0]).toMatchObject({
      activeLoanCount: 5,
      loanLimit: 5,
      canBorrow: false,
      cannotBorrowReason: 'LOAN_LIMIT_REACHED',
    });

    const over = await checkOut(patron.card, [six[5]!]);
    expect(codeOf(over)).toBe('LOAN_LIMIT_REACHED');
    expect(over.errors![0]!.message).toBe(
      'This member has 5 of 5 loans out; lending 1 more would go over the limit.',
    );
    expect(await availability(books[5]!.bookId)).toMatchObject({ available: 1, onLoan: 0 });
  });

  it('checks a copy in to the next hold: ON_HOLD_SHELF, the hold READY, lent to that member only', async () => {
    const [holder, first, second] = [await aPatron(), await aPatron('Grace Hopper'), await aPatron()];
    const { bookId, barcodes } = await aBook(1, 'Middlemarch');
    const [barcode] = barcodes as [string];
    expect((await checkOut(holder.card, [barcode])).errors).toBeUndefined();
    const hold = (await request(PlaceHold, { bookId }, { token: first.token })).data!.placeHold;
    expect((await request(PlaceHold, { bookId }, { token: second.token })).errors).toBeUndefined();

    const checkedIn = await checkIn(barcode);

    expect(checkedIn.errors).toBeUndefined();
    expect(checkedIn.data!.checkIn).toMatchObject({
      loan: { status: 'RETURNED', copy: { barcode, status: 'ON_HOLD_SHELF' } },
      routedTo: {
        destination: 'HOLD_SHELF',
        hold: { id: hold.id, member: { id: first.id, name: 'Grace Hopper', card: { number: first.card } } },
      },
    });
    expect(await availability(bookId)).toEqual({ total: 1, available: 0, onLoan: 0, onHoldShelf: 1 });
    await until(async () => (await holdsOf(first))[0]?.status === 'READY');

    // Kept for the first in line: refused to the second, lent to the first (their hold fulfilled).
    const refused = await checkOut(second.card, [barcode]);
    expect(codeOf(refused)).toBe('NO_COPY_AVAILABLE');
    expect(refused.errors![0]!.message).toMatch(/waits on the hold shelf for another member/);
    const picked = await checkOut(first.card, [barcode]);
    expect(picked.errors).toBeUndefined();
    expect(picked.data!.checkOut[0]!.copy.status).toBe('ON_LOAN');
    await until(async () => (await holdsOf(first))[0]?.status === 'FULFILLED');
    expect((await holdsOf(second))[0]).toMatchObject({ status: 'WAITING', position: 1 });
  });

  it('checks a copy in to the shelves when nobody waits; a copy not on loan has nothing to check in', async () => {
    const patron = await aPatron();
    const { bookId, barcodes } = await aBook(1);
    const [barcode] = barcodes as [string];
    const loanId = (await checkOut(patron.card, [barcode])).data!.checkOut[0]!.id;

    const checkedIn = await checkIn(` ${barcode.toLowerCase()} `);

    expect(checkedIn.data?.checkIn).toMatchObject({
      loan: { id: loanId, status: 'RETURNED', copy: { status: 'AVAILABLE' } },
      routedTo: { destination: 'SHELF', hold: null },
    });
    expect(await availability(bookId)).toEqual({ total: 1, available: 1, onLoan: 0, onHoldShelf: 0 });
    // On time: the member earned a point, as with returnLoan.
    await until(async () => (await request(Me, {}, { token: patron.token })).data!.me!.points === 31);
    const again = await checkIn(barcode);
    expect(codeOf(again)).toBe('NOT_FOUND');
    expect(again.errors![0]!.extensions).toMatchObject({ entity: 'Loan', field: 'barcode' });
  });

  it('answers bad input with a clear code, naming the field', async () => {
    const patron = await aPatron();
    const { barcodes } = await aBook(1);
    const cases: [string, string[], string, string][] = [
      ['SM-99999999', barcodes, 'NOT_FOUND', 'cardNumber'],
      [patron.card, ['SM0000000ZZZ'], 'NOT_FOUND', 'barcodes'],
      [patron.card, [barcodes[0]!, barcodes[0]!.toLowerCase()], 'BAD_USER_INPUT', 'barcodes'],
      [patron.card, [], 'BAD_USER_INPUT', 'barcodes'],
    ];
    for (const [cardNumber, scanned, code, field] of cases) {
      const response = await checkOut(cardNumber, scanned);
      expect([cardNumber, scanned, codeOf(response), response.errors![0]!.extensions?.['field']]).toEqual([
        cardNumber,
        scanned,
        code,
        field,
      ]);
    }
  });

  it('is for librarians: a MEMBER checking out, checking in or looking members up is FORBIDDEN', async () => {
    const patron = await aPatron();
    const { barcodes } = await aBook(1);
    expect(codeOf(await checkOut(patron.card, barcodes, patron.token))).toBe('FORBIDDEN');
    expect(codeOf(await checkIn(barcodes[0]!, patron.token))).toBe('FORBIDDEN');
    expect(codeOf(await request(FindMembers, { search: 'reader' }, { token: patron.token }))).toBe(
      'FORBIDDEN',
    );
  });

  it('finds members by name, e-mail and card number, ignoring case', async () => {
    const patron = await aPatron('Émile Zola');
    const ids = async (search: string) => (await atTheDesk(search)).map((member) => member.id);
    expect(await ids('ÉMILE zola')).toEqual([patron.id]);
    expect(await ids(patron.email.toUpperCase())).toEqual([patron.id]);
    expect(await ids(patron.card.toLowerCase())).toEqual([patron.id]);
    const [found] = await atTheDesk('zola');
    expect(found).toMatchObject({ name: 'Émile Zola', email: patron.email, card: { number: patron.card } });
  });
});
