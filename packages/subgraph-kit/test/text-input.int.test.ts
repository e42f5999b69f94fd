import { catalogueSubgraph } from '@shelfmark/catalogue';
import { commentsSubgraph } from '@shelfmark/comments';
import { inventorySubgraph } from '@shelfmark/inventory';
import { membersSubgraph } from '@shelfmark/members';
import {
  aBookAddedEvent,
  aMemberRegisteredEvent,
  errorCode,
  startTestSubgraph,
  type GraphQLResponse,
  type TestSubgraph,
} from '@shelfmark/testing';

/**
 * Issue 8, defect 3: text no person could have meant (a NUL, other control characters, half a
 * UTF-16 pair) in any string argument, written in the document or passed as a variable, is
 * BAD_USER_INPUT naming the argument on every subgraph and driver, never INTERNAL_SERVER_ERROR;
 * text a person can mean is taken as it is.
 */
const NUL = 'nul\u0000byte';

function expectRefused(res: GraphQLResponse<unknown>, field: string) {
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0]?.extensions?.['field']).toBe(field);
  expect(res.errors?.[0]?.message).toMatch(
    new RegExp(`argument "[\\w.]*${field}" contains a control character`),
  );
}

describe('control characters in string arguments (catalogue)', () => {
  let t: TestSubgraph;
  let librarian: string;
  beforeAll(async () => {
    t = await startTestSubgraph(catalogueSubgraph());
    librarian = await t.tokenFor({ memberId: 'lib-1', role: 'LIBRARIAN' });
  });
  afterAll(() => t.stop());

  const ADD = `mutation ($input: AddBookInput!) { addBook(input: $input) { id title description } }`;
  const addBook = (input: Record<string, unknown>) =>
    t.request<{ addBook: { id: string; title: string; description: string | null } }>(
      ADD,
      { input: { isbn: '9780441172719', authors: ['Frank Herbert'], ...input } },
      { token: librarian },
    );
  const search = (text: string) =>
    t.request<{ books: { totalCount: number } }>(`query ($s: String) { books(search: $s) { totalCount } }`, {
      s: text,
    });

  it('regression: a NUL byte in a title is BAD_USER_INPUT, not a 500, and adds nothing', async () => {
    expectRefused(await addBook({ title: `Dune ${NUL}` }), 'title');
    expectRefused(await addBook({ title: 'Dune', authors: ['Frank', `Herbert\u0007`] }), 'authors');
    expect((await search('dune')).data?.books.totalCount).toBe(0);
    expect(t.published).toEqual([]);
  });

  it('regression: a NUL byte written in the document is refused the same way', async () => {
    const res = await t.request(
      `mutation { addBook(input: { isbn: "9780441172719", title: "Dune\\u0000", authors: ["F"] }) { id } }`,
      {},
      { token: librarian },
    );
    expectRefused(res, 'title');
  });

  it('regression: a NUL byte in a search is BAD_USER_INPUT, not a 500', async () => {
    expectRefused(await search(NUL), 'search');
    expectRefused(await search('\u001b[2J'), 'search');
  });

  it('regression: a NUL byte or a line break in an id is BAD_USER_INPUT, not a 500', async () => {
    const book = (id: string) => t.request(`query ($id: ID!) { book(id: $id) { id } }`, { id });
    expectRefused(await book(NUL), 'id');
    expectRefused(await book('some-id\n'), 'id');
    expect(await book('no-such-book')).toMatchObject({ data: { book: null } });
  });

  it('takes text a person can mean as it is: other scripts, emoji, quotes, a multi-line description', async () => {
    const title = 'Ünïcödé — 书 😀 it’s "quoted" \'; drop table book; --';
    const description = 'First line.\n\tIndented second line.\r\nThird.';
    const res = await addBook({ title, description });
    expect(res.errors).toBeUndefined();
    expect(res.data?.addBook).toMatchObject({ title, description });
    expect((await search('书')).data?.books.totalCount).toBe(1);
    expect((await search("'; drop")).data?.books.totalCount).toBe(1);
  });
});

describe('control characters in string arguments (members)', () => {
  let t: TestSubgraph;
  beforeAll(async () => {
    t = await startTestSubgraph(
      membersSubgraph({
        initialPoints: 30,
        tokenTtlSeconds: 3600,
        admin: { email: 'admin@library.test', password: 'correct horse battery staple' },
      }),
    );
  });
  afterAll(() => t.stop());

  const register = (email: string, name = 'A Reader') =>
    t.request(
      `mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { member { email name } } }`,
      {
        input: { email, password: 'a long enough password', name },
      },
    );
  const login = (email: string, password: string) =>
    t.request(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
      e: email,
      p: password,
    });

  it('regression: a NUL byte in an e-mail is BAD_USER_INPUT at registerMember and login, not a 500', async () => {
    expectRefused(await register(`ada${NUL}@library.test`), 'email');
    expectRefused(await login(`ada${NUL}@library.test`, 'a long enough password'), 'email');
    expectRefused(await login('admin@library.test', `correct\u0000`), 'password');
  });

  it('regression: half a UTF-16 pair in a name is BAD_USER_INPUT, naming it', async () => {
    const res = await register('grace@library.test', 'Grace \ud83d');
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.['field']).toBe('name');
    expect(res.errors?.[0]?.message).toMatch(/not valid Unicode/);
  });

  it('registers and signs in with ordinary text as typed', async () => {
    expect(await register('zoe.n@library.test', 'Zoë Ñúñez 😀')).toMatchObject({
      data: { registerMember: { member: { email: 'zoe.n@library.test', name: 'Zoë Ñúñez 😀' } } },
    });
    expect((await login('zoe.n@library.test', 'a long enough password')).errors).toBeUndefined();
  });
});

describe('control characters in string arguments (comments)', () => {
  let t: TestSubgraph;
  let ada: string;
  beforeAll(async () => {
    t = await startTestSubgraph(commentsSubgraph());
    ada = await t.tokenFor({ memberId: 'ada', role: 'MEMBER' });
    await t.deliver(aBookAddedEvent('dune'));
    await t.deliver(aMemberRegisteredEvent('ada'));
  });
  afterAll(() => t.stop());

  const post = (bookId: string, body: string) =>
    t.request<{ postComment: { body: string } }>(
      `mutation ($b: ID!, $t: String!) { postComment(bookId: $b, body: $t) { body } }`,
      { b: bookId, t: body },
      { token: ada },
    );

  it('regression: a NUL byte in a comment body is BAD_USER_INPUT, not a 500', async () => {
    expectRefused(await post('dune', `Great ${NUL}`), 'body');
    expectRefused(await post(`du${NUL}ne`, 'Great'), 'bookId');
  });

  it('keeps a multi-line comment with its line breaks and tabs', async () => {
    const body = 'Loved it.\n\n\tEspecially the ending.\r\nWould read again.';
    expect(await post('dune', body)).toMatchObject({ data: { postComment: { body } } });
  });
});

describe('control characters in string arguments (inventory)', () => {
  let t: TestSubgraph;
  beforeAll(async () => {
    t = await startTestSubgraph(inventorySubgraph());
  });
  afterAll(() => t.stop());

  const byBarcode = (barcode: string) =>
    t.request(`query ($b: String!) { copyByBarcode(barcode: $b) { id } }`, { b: barcode });

  it('regression: a NUL byte in a barcode is BAD_USER_INPUT, not a 500', async () => {
    expectRefused(await byBarcode(`SM-${NUL}`), 'barcode');
    expectRefused(await byBarcode('\u0085SM-000001'), 'barcode');
  });

  it('answers null for an ordinary barcode it does not know', async () => {
    expect(await byBarcode('SM-000001')).toMatchObject({ data: { copyByBarcode: null } });
  });
});
