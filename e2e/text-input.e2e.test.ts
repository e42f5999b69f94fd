import { loadConfig, startEmbedded, type EmbeddedShelfmark } from '@shelfmark/launcher';
import { errorCode, graphqlClient, tempDir, type GraphQLRequest } from '@shelfmark/testing';

const ADMIN = { email: 'admin@library.test', password: 'correct horse battery staple' };

/** Issue 8, defects 3 and 4, as a client meets them: through the router only. */
describe('text in string arguments through the router (embedded)', () => {
  const dir = tempDir('shelfmark-text-input-');
  let shelfmark: EmbeddedShelfmark;
  let request: GraphQLRequest;

  beforeAll(async () => {
    shelfmark = await startEmbedded(
      loadConfig({
        SHELFMARK_DATA_DIR: dir.path,
        PORT: '0',
        LOG_LEVEL: 'silent',
        SHELFMARK_ADMIN_EMAIL: ADMIN.email,
        SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
        SHELFMARK_JOB_INTERVAL_SECONDS: '0',
      }),
    );
    request = graphqlClient(shelfmark.url);
  });
  afterAll(async () => {
    await shelfmark.close();
    dir.cleanup();
  });

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
    const login = await request<{ login: { token: string } }>(
      `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      { e: ADMIN.email, p: ADMIN.password },
    );
    const token = login.data!.login.token;
    const added = await request(
      `mutation { addBook(input: { isbn: "9780441172719", title: "Dune", authors: ["Frank Herbert"] }) { id } }`,
      {},
      { token },
    );
    expect(added.errors).toBeUndefined();
    const res = await request<{ books: { totalCount: number } }>(`{ books(search: "%") { totalCount } }`);
    expect(res.data?.books.totalCount).toBe(0);
  });
});
