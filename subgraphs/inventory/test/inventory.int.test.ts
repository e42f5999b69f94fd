import type { FilterQuery } from '@mikro-orm/core';
import { errorCode, startTestSubgraph, type TestSubgraph } from '@shelfmark/testing';
import { randomUUID } from 'node:crypto';
import { inventorySubgraph } from '../src';
import type { CatalogueBook, Copy } from '../src/domain';
import { CatalogueBookSchema } from '../src/adapters/persistence/catalogue-book.schema';
import { CopySchema } from '../src/adapters/persistence/copy.schema';
import { MikroOrmCopyRepository } from '../src/adapters/persistence/MikroOrmCopyRepository';
import { aBookAddedEvent } from './support/builders';

const ADD_COPIES = /* GraphQL */ `
  mutation AddCopies($bookId: ID!, $count: Int!, $location: String) {
    addCopies(bookId: $bookId, count: $count, location: $location) {
      id
      barcode
      location
      status
      addedAt
      book {
        id
      }
    }
  }
`;
const BOOK_INVENTORY = /* GraphQL */ `
  query BookInventory($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Book {
        id
        availability {
          total
          available
          onLoan
          onHoldShelf
        }
        copies {
          id
          barcode
          status
          location
        }
      }
    }
  }
`;

interface CopyData {
  id: string;
  barcode: string;
  location: string | null;
  status: string;
  addedAt: string;
  book: { id: string };
}
interface AddCopiesData {
  addCopies: CopyData[];
}
interface BookInventory {
  id: string;
  availability: { total: number; available: number; onLoan: number; onHoldShelf: number };
  copies: { id: string; barcode: string; status: string; location: string | null }[];
}

describe('inventory subgraph (SQLite)', () => {
  let t: TestSubgraph;
  let librarian: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestSubgraph(inventorySubgraph());
    librarian = await t.tokenFor({ memberId: 'l', role: 'LIBRARIAN' });
    member = await t.tokenFor({ memberId: 'm', role: 'MEMBER' });
  });
  afterAll(() => t.stop());
  afterEach(() => jest.restoreAllMocks());

  /** As the librarian unless another token is given; `null` for an anonymous caller. */
  const addCopies = (
    variables: { bookId: string; count: number; location?: string },
    token: string | null = librarian,
  ) => t.request<AddCopiesData>(ADD_COPIES, variables, token ? { token } : {});
  const booksInventory = async (...bookIds: string[]) => {
    const res = await t.request<{ _entities: BookInventory[] }>(BOOK_INVENTORY, {
      representations: bookIds.map((id) => ({ __typename: 'Book', id })),
    });
    expect(res.errors).toBeUndefined();
    return res.data!._entities;
  };
  const copyRows = (where: FilterQuery<Copy> = {}) => t.subgraph.orm.em.fork().count(CopySchema, where);
  const bookRows = (where: FilterQuery<CatalogueBook>) =>
    t.subgraph.orm.em.fork().count(CatalogueBookSchema, where);
  /** A book catalogue has announced to inventory. */
  const aKnownBook = async () => {
    const bookId = randomUUID();
    await t.deliver(aBookAddedEvent(bookId));
    return bookId;
  };

  it('learns of a book from book-added, then lets a librarian add copies with distinct barcodes', async () => {
    const bookId = randomUUID();
    await t.deliver(aBookAddedEvent(bookId, { title: 'The Left Hand of Darkness' }));
    expect(t.deadLetters.letters).toEqual([]);

    const res = await addCopies({ bookId, count: 3, location: '  Fiction,  shelf 3 ' });
    expect(res.errors).toBeUndefined();
    const copies = res.data!.addCopies;
    expect(copies).toHaveLength(3);
    expect(new Set(copies.map((c) => c.barcode)).size).toBe(3);
    for (const copy of copies) {
      expect(copy.barcode).toMatch(/^SM[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(copy).toMatchObject({ status: 'AVAILABLE', location: 'Fiction, shelf 3', book: { id: bookId } });
      expect(Number.isNaN(Date.parse(copy.addedAt))).toBe(false);
    }
  });

  it('publishes copy-added for every copy, through the outbox', async () => {
    const bookId = await aKnownBook();
    const copies = (await addCopies({ bookId, count: 3 })).data!.addCopies;
    await t.flush();

    const events = t.published.filter(
      (e) => e.type === 'shelfmark.inventory.copy-added.v1' && e.data.bookId === bookId,
    );
    expect(events.map((e) => e.subject).sort()).toEqual(copies.map((c) => c.id).sort());
    expect(events.map((e) => e.data)).toEqual(
      expect.arrayContaining(
        copies.map((c) => ({
          copyId: c.id,
          bookId,
          barcode: c.barcode,
          location: null,
          status: 'AVAILABLE',
        })),
      ),
    );
    expect(await copyRows({ bookId, hasOutbox: true })).toBe(0);
  });

  it('adds copies and availability to a Book entity, copies sorted by barcode', async () => {
    const bookId = await aKnownBook();
    const added = (await addCopies({ bookId, count: 3 })).data!.addCopies;

    const [book] = await booksInventory(bookId);
    expect(book).toEqual({
      id: bookId,
      availability: { total: 3, available: 3, onLoan: 0, onHoldShelf: 0 },
      copies: [...added]
        .sort((a, b) => a.barcode.localeCompare(b.barcode))
        .map(({ id, barcode }) => ({ id, barcode, status: 'AVAILABLE', location: null })),
    });
  });

  it('gives a book it does not know an empty list of copies and zeros', async () => {
    expect(await booksInventory('never-catalogued')).toEqual([
      {
        id: 'never-catalogued',
        availability: { total: 0, available: 0, onLoan: 0, onHoldShelf: 0 },
        copies: [],
      },
    ]);
  });

  it('loads copies and availability of many books with one query each, not one per book', async () => {
    const [a, b] = [await aKnownBook(), await aKnownBook()];
    await addCopies({ bookId: a, count: 2 });
    await addCopies({ bookId: b, count: 1 });
    const byBookIds = jest.spyOn(MikroOrmCopyRepository.prototype, 'byBookIds');
    const statusCounts = jest.spyOn(MikroOrmCopyRepository.prototype, 'statusCounts');

    const books = await booksInventory(a, b, 'unknown');

    expect(books.map((book) => [book.availability.total, book.copies.length])).toEqual([
      [2, 2],
      [1, 1],
      [0, 0],
    ]);
    expect(byBookIds).toHaveBeenCalledTimes(1);
    expect(statusCounts).toHaveBeenCalledTimes(1);
    expect(statusCounts).toHaveBeenCalledWith([a, b, 'unknown']);
  });

  it('resolves Copy references, batched, with the book they belong to', async () => {
    const bookId = await aKnownBook();
    const [first, second] = (await addCopies({ bookId, count: 2 })).data!.addCopies;
    const byIds = jest.spyOn(MikroOrmCopyRepository.prototype, 'byIds');

    const res = await t.request<{ _entities: (CopyData | null)[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Copy { id barcode status book { id } } } }`,
      { representations: [first!.id, 'no-such-copy', second!.id].map((id) => ({ __typename: 'Copy', id })) },
    );

    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([
      { id: first!.id, barcode: first!.barcode, status: 'AVAILABLE', book: { id: bookId } },
      null,
      { id: second!.id, barcode: second!.barcode, status: 'AVAILABLE', book: { id: bookId } },
    ]);
    expect(byIds).toHaveBeenCalledTimes(1);
  });

  it('finds a copy by its barcode however it is typed', async () => {
    const bookId = await aKnownBook();
    const [copy] = (await addCopies({ bookId, count: 1 })).data!.addCopies;
    const typed = `${copy!.barcode.slice(0, 6)}-${copy!.barcode.slice(6)}`.toLowerCase();

    const res = await t.request(
      `query($b: String!) { copyByBarcode(barcode: $b) { id } none: copyByBarcode(barcode: "SM0000000000") { id } }`,
      { b: typed },
    );
    expect(res.data).toEqual({ copyByBarcode: { id: copy!.id }, none: null });
  });

  it.each([0, 1001])(
    'refuses a count of %i with BAD_USER_INPUT naming count, storing nothing',
    async (count) => {
      const bookId = await aKnownBook();
      const res = await addCopies({ bookId, count });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.['field']).toBe('count');
      expect(await copyRows({ bookId })).toBe(0);
    },
  );

  it('refuses a location over 100 characters with BAD_USER_INPUT naming location', async () => {
    const bookId = await aKnownBook();
    const res = await addCopies({ bookId, count: 1, location: 'x'.repeat(101) });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.['field']).toBe('location');
    expect(await copyRows({ bookId })).toBe(0);
  });

  it('refuses an unknown book with NOT_FOUND and stores nothing', async () => {
    const before = await copyRows();
    const res = await addCopies({ bookId: 'no-such-book', count: 2 });
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.extensions).toMatchObject({ entity: 'Book', id: 'no-such-book' });
    expect(await copyRows()).toBe(before);
    await t.flush();
    expect(
      t.published.some(
        (e) => e.type === 'shelfmark.inventory.copy-added.v1' && e.data.bookId === 'no-such-book',
      ),
    ).toBe(false);
  });

  it('refuses addCopies to members (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED)', async () => {
    const bookId = await aKnownBook();
    expect(errorCode(await addCopies({ bookId, count: 1 }, member))).toBe('FORBIDDEN');
    expect(errorCode(await addCopies({ bookId, count: 1 }, null))).toBe('UNAUTHENTICATED');
    expect(await copyRows({ bookId })).toBe(0);
  });

  it('registers a book once however often book-added is delivered', async () => {
    const bookId = randomUUID();
    const event = aBookAddedEvent(bookId);
    await t.deliver(event);
    await t.deliver(event);
    await t.deliver(aBookAddedEvent(bookId, { title: 'A later announcement of the same book' }));

    expect(await bookRows({ bookId })).toBe(1);
    const stored = await t.subgraph.orm.em.fork().findOneOrFail(CatalogueBookSchema, { bookId });
    expect(stored).toMatchObject({ title: 'Dune', isbn: '9780441172719', addedAt: new Date(event.time) });
    expect(t.deadLetters.letters).toEqual([]);
  });

  it('dead-letters a book-added that breaks its contract, and goes on with the next event', async () => {
    const broken = aBookAddedEvent(randomUUID());
    const { title: _title, ...withoutTitle } = broken.data as Record<string, unknown>;
    await t.deliver({ ...broken, data: withoutTitle });

    expect(t.deadLetters.letters).toHaveLength(1);
    expect(t.deadLetters.letters[0]).toMatchObject({
      consumer: 'inventory.RegisterBookOnBookAdded',
      event: { id: broken.id },
      error: { name: 'ContractViolation', message: expect.stringContaining('data.title') as string },
    });
    expect(await bookRows({ bookId: broken.subject })).toBe(0);

    const bookId = await aKnownBook();
    expect((await addCopies({ bookId, count: 1 })).errors).toBeUndefined();
    expect(t.deadLetters.letters).toHaveLength(1);
  });

  it('lets a librarian withdraw a copy on the shelves; it no longer counts or lends', async () => {
    const WITHDRAW = 'mutation($id: ID!) { withdrawCopy(copyId: $id) { id status } }';
    const bookId = await aKnownBook();
    const [first, second] = (await addCopies({ bookId, count: 2 })).data!.addCopies;
    expect(errorCode(await t.request(WITHDRAW, { id: first!.id }, { token: member }))).toBe('FORBIDDEN');
    expect(errorCode(await t.request(WITHDRAW, { id: first!.id }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.request(WITHDRAW, { id: 'no-such-copy' }, { token: librarian }))).toBe(
      'NOT_FOUND',
    );

    const withdrawn = await t.request<{ withdrawCopy: { status: string } }>(
      WITHDRAW,
      { id: first!.id },
      { token: librarian },
    );
    expect(withdrawn.data?.withdrawCopy.status).toBe('WITHDRAWN');
    expect((await booksInventory(bookId))[0]?.availability).toEqual({
      total: 1,
      available: 1,
      onLoan: 0,
      onHoldShelf: 0,
    });
    expect((await t.request(WITHDRAW, { id: first!.id }, { token: librarian })).errors).toBeUndefined();

    // Lent, the other copy cannot be withdrawn; with none left in circulation, borrowing says so.
    const reserve =
      'mutation($b: ID!, $ids: [ID!]!, $d: DateTime!) { reserveCopies(borrowId: $b, bookIds: $ids, deadline: $d) { copyId } }';
    const deadline = new Date(Date.now() + 60_000).toISOString();
    await t.request(reserve, { b: 'borrow-w', ids: [bookId], d: deadline }, { token: member });
    const inUse = await t.request(WITHDRAW, { id: second!.id }, { token: librarian });
    expect(errorCode(inUse)).toBe('BAD_USER_INPUT');
    const other = await aKnownBook();
    const [only] = (await addCopies({ bookId: other, count: 1 })).data!.addCopies;
    await t.request(WITHDRAW, { id: only!.id }, { token: librarian });
    const none = await t.request(reserve, { b: 'borrow-x', ids: [other], d: deadline }, { token: member });
    expect(errorCode(none)).toBe('NO_COPY_AVAILABLE');
    expect(none.errors![0]!.message).toMatch(/has no copy in circulation/);
  });

  it('keeps books and copies across a restart', async () => {
    const bookId = await aKnownBook();
    await addCopies({ bookId, count: 2 });
    const before = await booksInventory(bookId);

    await t.restart();

    expect(await booksInventory(bookId)).toEqual(before);
    // The read model survived too: the book is still known.
    const more = await addCopies(
      { bookId, count: 1 },
      await t.tokenFor({ memberId: 'l', role: 'LIBRARIAN' }),
    );
    expect(more.errors).toBeUndefined();
    expect((await booksInventory(bookId))[0]?.availability.total).toBe(3);
  });
});
