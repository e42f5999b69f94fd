import { errorCode, type GraphQLRequest } from '@shelfmark/testing';
import { ADMIN, startLibrary, type Library } from './support/library';

/** Issue 8, defects 3 and 4, as a client meets them: through the router only. */
describe('text in string arguments through the router (embedded)', () => {
  let library: Library;
  let request: GraphQLRequest;

  beforeAll(async () => {
    library = await startLibrary({
      prefix: 'shelfmark-text-input-',
      env: { SHELFMARK_JOB_INTERVAL_SECONDS: '0' },
    });
    ({ request } = library);
  });
  afterAll(() => library.close());

  it('regression: a NUL byte in a search is BAD_USER_INPUT naming the argument, not a 500', async () => {
    const res = await request(`query ($s: String) { books(search: $s) { totalCount } }`, { s: 'a\u0000b' });
    expect(res.status).toBe(200);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.['field']).toBe('search');
    expect(res.errors?.[0]?.message).toMatch(/"search" contains a control character \(U\+0000\)/);
  });

  it('regression: a NUL byte in a login e-mail is BAD_USER_INPUT, not a 500', async () => {
    const res = await request(
      `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      {
        e: 'admin\u0000@library.test',
        p: ADMIN.password,
      },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.['field']).toBe('email');
  });

  it('regression: % as a search finds nothing in a catalogue without it', async () => {
    await library.addBook('Dune');
    const res = await request<{ books: { totalCount: number } }>(`{ books(search: "%") { totalCount } }`);
    expect(res.data?.books.totalCount).toBe(0);
  });
});
