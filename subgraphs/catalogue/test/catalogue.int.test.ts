import { errorCode, startTestSubgraph, type TestSubgraph } from '@shelfmark/testing';
import { catalogueSubgraph } from '../src';

const ADD_BOOK = /* GraphQL */ `
  mutation AddBook($input: AddBookInput!) {
    addBook(input: $input) {
      id
      isbn
      title
      authors
      subjects
    }
  }
`;
const BOOKS = /* GraphQL */ `
  query Books($search: String, $subject: String, $first: Int, $after: String) {
    books(search: $search, subject: $subject, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          title
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

type BooksData = {
  books: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; title: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('catalogue subgraph (SQLite)', () => {
  let t: TestSubgraph;
  let librarian: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestSubgraph(catalogueSubgraph());
    librarian = await t.tokenFor({ memberId: 'lib-1', role: 'LIBRARIAN' });
    member = await t.tokenFor({ memberId: 'mem-1', role: 'MEMBER' });
  });
  afterAll(() => t.stop());

  const addBook = (input: Record<string, unknown>, token = librarian) =>
    t.request(ADD_BOOK, { input }, { token });

  it('lets a librarian add a book, normalising its ISBN, and publishes book-added', async () => {
    const res = await addBook({
      isbn: '0-441-17271-7',
      title: 'Dune',
      authors: ['Frank Herbert'],
      subjects: ['Science Fiction'],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({
      addBook: { isbn: '9780441172719', title: 'Dune', subjects: ['science fiction'] },
    });
    await t.flush();
    const event = t.published.find(
      (e) => e.type === 'shelfmark.catalogue.book-added.v1' && e.data.isbn === '9780441172719',
    );
    expect(event).toBeDefined();
    expect(event?.subject).toBe((res.data as { addBook: { id: string } }).addBook.id);
  });

  it('refuses a duplicate ISBN however it is typed, and keeps one book', async () => {
    await addBook({ isbn: '9780141439518', title: 'Pride and Prejudice', authors: ['Jane Austen'] });
    const dup = await addBook({ isbn: '978-0-14-143951-8', title: 'P&P', authors: ['Austen'] });
    expect(errorCode(dup)).toBe('ALREADY_EXISTS');
    expect(dup.errors?.[0]?.message).toMatch(/already in the catalogue/);
    const found = await t.request<BooksData>(BOOKS, { search: '9780141439518' });
    expect(found.data?.books.totalCount).toBe(1);
  });

  it('refuses an invalid ISBN with BAD_USER_INPUT naming the field, and stores nothing', async () => {
    const res = await addBook({ isbn: '978-0-00-000000-1', title: 'Nope', authors: ['Nobody'] });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.['field']).toBe('isbn');
    const found = await t.request<BooksData>(BOOKS, { search: 'nope' });
    expect(found.data?.books.totalCount).toBe(0);
  });

  it('refuses addBook to members (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED)', async () => {
    const input = { isbn: '9780553293357', title: 'Foundation', authors: ['Isaac Asimov'] };
    expect(errorCode(await addBook(input, member))).toBe('FORBIDDEN');
    expect(errorCode(await t.request(ADD_BOOK, { input }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered or expired token with UNAUTHENTICATED', async () => {
    const [header, payload, signature] = librarian.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'ADMIN' }),
    ).toString('base64url');
    const tampered = await t.request(BOOKS, {}, { token: `${header}.${forged}.${signature}` });
    expect(tampered.status).toBe(401);
    expect(errorCode(tampered)).toBe('UNAUTHENTICATED');

    const expired = await t.tokenFor({ memberId: 'lib-1', role: 'LIBRARIAN' }, -10);
    const res = await t.request(BOOKS, {}, { token: expired });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/expired/);
  });

  describe('search', () => {
    beforeAll(async () => {
      for (const [isbn, title, author, subject] of [
        ['9780547928227', 'The Hobbit', 'J. R. R. Tolkien', 'Fantasy'],
        ['9780618640157', 'The Lord of the Rings', 'J. R. R. Tolkien', 'Fantasy'],
        ['9780261102217', 'The Silmarillion', 'J. R. R. Tolkien', 'Mythology'],
        ['9780553380163', 'A Brief History of Time', 'Stephen Hawking', 'Science'],
      ] as const) {
        expect(
          (await addBook({ isbn, title, authors: [author], subjects: [subject] })).errors,
        ).toBeUndefined();
      }
    });

    it('matches every word against title, author and ISBN, case-insensitively', async () => {
      const res = await t.request<BooksData>(BOOKS, { search: 'TOLKIEN the' });
      expect(res.data?.books.edges.map((e) => e.node.title)).toEqual([
        'The Hobbit',
        'The Lord of the Rings',
        'The Silmarillion',
      ]);
      const byIsbn = await t.request<BooksData>(BOOKS, { search: '978-0-553-38016-3' });
      expect(byIsbn.data?.books.edges.map((e) => e.node.title)).toEqual(['A Brief History of Time']);
    });

    it('filters by subject, whatever its case', async () => {
      const res = await t.request<BooksData>(BOOKS, { search: 'tolkien', subject: 'FANTASY' });
      expect(res.data?.books.totalCount).toBe(2);
    });

    it('pages with Relay cursors until hasNextPage is false, never repeating a book', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: Awaited<ReturnType<typeof t.request<BooksData>>> = await t.request<BooksData>(BOOKS, {
          first: 2,
          after,
        });
        expect(res.errors).toBeUndefined();
        seen.push(...res.data!.books.edges.map((e) => e.node.title));
        if (!res.data!.books.pageInfo.hasNextPage) break;
        after = res.data!.books.pageInfo.endCursor;
      }
      expect(seen).toEqual([...seen].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe((await t.request<BooksData>(BOOKS, {})).data?.books.totalCount);
    });

    it('refuses a page size outside 1..100 and a cursor it did not give out', async () => {
      expect(errorCode(await t.request(BOOKS, { first: 0 }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.request(BOOKS, { first: 101 }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.request(BOOKS, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    });
  });

  it('resolves book(id), null for an unknown id, and survives a restart', async () => {
    const added = await addBook({ isbn: '9780099590088', title: 'Sapiens', authors: ['Yuval Noah Harari'] });
    const id = (added.data as { addBook: { id: string } }).addBook.id;
    await t.restart();
    const res = await t.request(
      `query($id: ID!) { book(id: $id) { title } missing: book(id: "nope") { title } }`,
      { id },
    );
    expect(res.data).toEqual({ book: { title: 'Sapiens' }, missing: null });
  });

  // Regression: reference resolvers attached with graphql-tools were ignored by @apollo/subgraph,
  // so the router could not fetch a Book's fields from catalogue.
  it('resolves Book entity references for the router (reference resolvers are wired)', async () => {
    const added = await addBook({
      isbn: '9780140449136',
      title: 'Crime and Punishment',
      authors: ['Fyodor Dostoevsky'],
    });
    const id = (added.data as { addBook: { id: string } }).addBook.id;
    const res = await t.request(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Book { id title isbn } } }`,
      {
        reps: [
          { __typename: 'Book', id },
          { __typename: 'Book', id: 'unknown' },
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      _entities: [{ id, title: 'Crime and Punishment', isbn: '9780140449136' }, null],
    });
  });

  // Regression: GraphQL's own errors wrap another GraphQLError, and the error boundary mistook
  // them for unexpected ones (INTERNAL_SERVER_ERROR).
  it("keeps GraphQL's own codes for malformed operations and variables", async () => {
    expect(errorCode(await t.request('{ books { '))).toBe('GRAPHQL_PARSE_FAILED');
    expect(errorCode(await t.request('{ books { nope } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorCode(await t.request(BOOKS, { first: 'twenty' }))).toBe('BAD_USER_INPUT');
  });
});
