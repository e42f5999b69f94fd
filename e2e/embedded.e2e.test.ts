import { issueToken, loadOrCreateKeys } from '@shelfmark/subgraph-kit';
import { errorCode, type GraphQLRequest } from '@shelfmark/testing';
import { AddBook, AddCopies, BookPage, Login, Me, RegisterMember, SearchBooks } from './operations';
import { ADMIN, startLibrary, type Library } from './support/library';

/**
 * The whole system as `npm start` runs it — six subgraphs, the router, the in-process bus, SQLite
 * files — driven over real HTTP through the router only, as a client would.
 */
describe('Shelfmark embedded, through the router', () => {
  let library: Library;
  let request: GraphQLRequest;
  let adminToken: string;

  beforeAll(async () => {
    library = await startLibrary({ prefix: 'shelfmark-e2e-' });
    ({ request } = library);
  });
  afterAll(() => library.close());

  it('lets the bootstrap admin sign in, add a book and three copies, and find it', async () => {
    const login = await request(Login, ADMIN);
    expect(login.errors).toBeUndefined();
    expect(login.data?.login.member).toMatchObject({ email: ADMIN.email, role: 'ADMIN' });
    adminToken = login.data!.login.token;

    const added = await request(
      AddBook,
      {
        input: {
          isbn: '978-0-441-17271-9',
          title: 'Dune',
          authors: ['Frank Herbert'],
          subjects: ['Science Fiction'],
        },
      },
      { token: adminToken },
    );
    expect(added.errors).toBeUndefined();
    const bookId = added.data!.addBook.id;

    // Straight after addBook: inventory already learnt of the book from catalogue's event.
    const copies = await request(AddCopies, { bookId, count: 3 }, { token: adminToken });
    expect(copies.errors).toBeUndefined();
    expect(new Set(copies.data!.addCopies.map((c) => c.barcode)).size).toBe(3);

    const found = await request(SearchBooks, { search: 'herbert dune' });
    expect(found.data?.books.edges.map((e) => e.node.id)).toEqual([bookId]);

    const page = await request(BookPage, { id: bookId });
    expect(page.errors).toBeUndefined();
    expect(page.data?.book).toMatchObject({
      title: 'Dune',
      isbn: '9780441172719',
      availability: { total: 3, available: 3, onLoan: 0, onHoldShelf: 0 },
      rating: { average: null, count: 0 },
      borrowCount: 0,
    });
    expect(page.data?.book?.copies).toHaveLength(3);
  });

  it('registers a member who can read their account but not add books', async () => {
    const registered = await request(RegisterMember, {
      input: { email: 'Reader@Library.test', password: 'a long enough password', name: 'Ada Reader' },
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.registerMember.member).toMatchObject({
      email: 'reader@library.test',
      role: 'MEMBER',
      status: 'ACTIVE',
      points: 30,
    });
    const token = registered.data!.registerMember.token;

    const me = await request(Me, {}, { token });
    expect(me.data?.me).toMatchObject({ name: 'Ada Reader', email: 'reader@library.test' });
    // The card is issued asynchronously from member-registered; in embedded mode it is there by now.
    expect(me.data?.me?.card?.number).toMatch(/\S/);

    const denied = await request(
      AddBook,
      { input: { isbn: '9780553293357', title: 'Foundation', authors: ['Isaac Asimov'] } },
      { token },
    );
    expect(errorCode(denied)).toBe('FORBIDDEN');
    expect((await request(Me, {})).data).toEqual({ me: null });
  });

  it('gives a clear, coded error for bad input at every layer', async () => {
    const invalidIsbn = await request(
      AddBook,
      { input: { isbn: '12345', title: 'X', authors: ['Y'] } },
      { token: adminToken },
    );
    expect(errorCode(invalidIsbn)).toBe('BAD_USER_INPUT');
    expect(invalidIsbn.errors?.[0]?.message).toMatch(/not a valid ISBN/);

    const duplicate = await request(
      AddBook,
      { input: { isbn: '0441172717', title: 'Dune again', authors: ['F. H.'] } },
      { token: adminToken },
    );
    expect(errorCode(duplicate)).toBe('ALREADY_EXISTS');

    expect(
      errorCode(await request(AddCopies, { bookId: 'no-such-book', count: 1 }, { token: adminToken })),
    ).toBe('NOT_FOUND');
    const missing = await request(SearchBooks, { search: 'no-such-book' });
    expect(missing.data?.books.totalCount).toBe(0);
    expect(errorCode(await request(AddCopies, { bookId: 'any', count: 1001 }, { token: adminToken }))).toBe(
      'BAD_USER_INPUT',
    );

    const wrongPassword = await request(Login, { email: ADMIN.email, password: 'wrong' });
    const unknownAccount = await request(Login, { email: 'nobody@library.test', password: 'wrong' });
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknownAccount)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors?.[0]?.message).toBe(unknownAccount.errors?.[0]?.message);
  });

  it('refuses a tampered token at the edge with 401 UNAUTHENTICATED', async () => {
    const [header, payload, signature] = adminToken.split('.');
    const tampered = `${header}.${payload}x.${signature}`;
    const response = await request(Me, {}, { token: tampered });
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    const garbage = await request(Me, {}, { headers: { authorization: 'Basic abc' } });
    expect(errorCode(garbage)).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token at the edge, saying the session expired', async () => {
    // Signed with this installation's real key: only the expiry is wrong.
    const expired = await issueToken(
      { memberId: 'anyone', role: 'ADMIN' },
      loadOrCreateKeys(library.dataDir),
      -60,
    );
    const response = await request(Me, {}, { token: expired });
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toBe('Your session has expired. Please sign in again.');
  });

  it('answers malformed requests with HTTP 400 and a readable message', async () => {
    const notJson = await fetch(library.shelfmark.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });

    const badQuery = await request('{ books { ');
    expect(badQuery.status).toBe(400);
    expect(errorCode(badQuery)).toBe('GRAPHQL_PARSE_FAILED');

    const unknownField = await request('{ books { nope } }');
    expect(unknownField.status).toBe(400);
    expect(errorCode(unknownField)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('blocks cross-site simple requests (CSRF prevention)', async () => {
    const response = await fetch(library.shelfmark.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ me { id } }"}',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|csrf|Content-Type/);
  });

  it('refuses operations deeper than the limit before calling any subgraph', async () => {
    const deep = `{ books { edges { node { copies { book { copies { book { copies { book { copies { book { id } } } } } } } } } } } }`;
    const response = await request(deep);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'depth',
    });
    expect(response.errors?.[0]?.message).toMatch(/nested .* levels deep/);
    expect(response.data ?? null).toBeNull();
  });

  it("disables the gateway's telemetry to Apollo and its cloud metadata probes", () => {
    expect(process.env['APOLLO_TELEMETRY_DISABLED']).toBe('true');
  });

  it('serves /healthz, /readyz and /metrics', async () => {
    const base = library.shelfmark.url.replace(/\/graphql$/, '');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('shelfmark_graphql_operation_duration_seconds');
  });

  it('answers what it can when a subgraph is down, naming the one that is not answering', async () => {
    const found = await request(SearchBooks, { search: 'dune' });
    const bookId = found.data!.books.edges[0]!.node.id;
    await library.shelfmark.subgraphs.comments.close();
    const page = await request<{
      book: { title: string; rating: unknown; availability: { total: number } | null } | null;
    }>('query($id: ID!) { book(id: $id) { title rating { count } availability { total } } }', { id: bookId });
    expect(page.data?.book).toEqual({ title: 'Dune', rating: null, availability: { total: 3 } });
    expect(errorCode(page)).toBe('SERVICE_UNAVAILABLE');
    expect(page.errors?.[0]).toMatchObject({
      message: 'The comments service is not answering right now. Please try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'comments' },
    });
  });

  it('keeps everything across a restart', async () => {
    await library.restart();
    const login = await request(Login, ADMIN);
    expect(login.errors).toBeUndefined();
    const found = await request(SearchBooks, { search: 'dune' });
    const bookId = found.data!.books.edges[0]!.node.id;
    const page = await request(BookPage, { id: bookId });
    expect(page.data?.book).toMatchObject({ title: 'Dune', availability: { total: 3, available: 3 } });
    // The admin bootstrap ran again and created no second account.
    expect(login.data?.login.member.id).toBeDefined();
  });
});
