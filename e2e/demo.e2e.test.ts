import {
  DEMO_ACCOUNTS_FILE,
  DEMO_BOOKS,
  DEMO_COMMENTS,
  DEMO_READERS,
  DEMO_SEEDED_MARKER,
  loadConfig,
  openDemo,
  readDemoAccounts,
  seedIfNeeded,
  startEmbedded,
  withDemoLibrarian,
  type EmbeddedShelfmark,
  type SeedStep,
} from '@shelfmark/launcher';
import {
  endpointOf,
  exitOf,
  graphqlClient,
  spawnShelfmark,
  tempDir,
  type GraphQLRequest,
  type ShelfmarkProcess,
} from '@shelfmark/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { until } from './support/subscribers';

/** `npm start` as a user runs it: SHELFMARK_DEMO unset, outside jest's NODE_ENV=test. */
const launch = (dataDir: string, env: Record<string, string | undefined> = {}) =>
  spawnShelfmark({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: '0',
    SHELFMARK_DATA_DIR: dataDir,
    SHELFMARK_DEMO: undefined,
    ...env,
  });

/** The endpoint once the banner is printed (after the seed, which takes seconds on a busy machine). */
const started = (launched: ShelfmarkProcess) => endpointOf(launched, 280_000);

async function stop(launched: ShelfmarkProcess) {
  const exit = exitOf(launched);
  launched.child.kill('SIGINT');
  expect((await exit).code).toBe(0);
}

/** The sign-in the banner prints for `role`. */
function printedSignIn(output: string, role: 'librarian' | 'reader') {
  const match = new RegExp(`^ {2}${role} +(\\S+) +password (\\S+)$`, 'm').exec(output);
  if (!match?.[1] || !match[2]) throw new Error(`No ${role} sign-in in the banner:\n${output}`);
  return { email: match[1], password: match[2] };
}

const COUNT_BOOKS = '{ books { totalCount } }';
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token member { name role } } }`;
const MY_LOANS = '{ me { loanHistory(first: 100) { totalCount edges { node { status } } } } }';

async function signIn(request: GraphQLRequest, account: { email: string; password: string }) {
  const response = await request<{ login: { token: string; member: { name: string; role: string } } }>(
    LOGIN,
    account,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.login;
}

async function bookCount(request: GraphQLRequest): Promise<number> {
  const response = await request<{ books: { totalCount: number } }>(COUNT_BOOKS);
  expect(response.errors).toBeUndefined();
  return response.data!.books.totalCount;
}

async function loansOf(request: GraphQLRequest, token: string) {
  const response = await request<{
    me: { loanHistory: { totalCount: number; edges: { node: { status: string } }[] } };
  }>(MY_LOANS, {}, { token });
  expect(response.errors).toBeUndefined();
  return response.data!.me.loanHistory;
}

describe('the demo library', () => {
  it('is added by the first npm start of an empty data folder, through the API, and never again', async () => {
    const dir = tempDir('shelfmark-demo-');
    try {
      const first = launch(dir.path);
      const url = await started(first);
      const banner = first.output();
      expect(banner).toContain(`added ${DEMO_BOOKS.length} books`);
      const librarian = printedSignIn(banner, 'librarian');
      const reader = printedSignIn(banner, 'reader');
      const request = graphqlClient(url);

      // About a hundred books, searchable, with their copies.
      expect(await bookCount(request)).toBe(DEMO_BOOKS.length);
      const found = await request<{
        books: { edges: { node: { title: string; authors: string[]; availability: { total: number } } }[] };
      }>('{ books(search: "austen") { edges { node { title authors availability { total } } } } }');
      expect(found.data?.books.edges.map(({ node }) => node)).toContainEqual({
        title: 'Pride and Prejudice',
        authors: ['Jane Austen'],
        availability: { total: 4 },
      });

      // Past loans: the ranking board has entries, the most borrowed first.
      const borrowsOf = (title: string) => DEMO_READERS.filter((r) => r.borrowed.includes(title)).length;
      const ranking = async () =>
        (
          await request<{ ranking: { rank: number; borrowCount: number; book: { title: string } }[] }>(
            '{ ranking(first: 3) { rank borrowCount book { title } } }',
          )
        ).data?.ranking ?? [];
      await until(async () => (await ranking()).length === 3);
      expect((await ranking())[0]).toEqual({
        rank: 1,
        borrowCount: borrowsOf('Pride and Prejudice'),
        book: { title: 'Pride and Prejudice' },
      });

      // Comments with ratings.
      const rated = await request<{ books: { edges: { node: { rating: { count: number } } }[] } }>(
        '{ books(search: "Pride and Prejudice") { edges { node { rating { count } } } } }',
      );
      expect(rated.data?.books.edges[0]?.node.rating.count).toBe(
        DEMO_COMMENTS.filter((c) => c.title === 'Pride and Prejudice' && c.rating).length,
      );

      // The printed sign-ins work: a reader with the past loans, a librarian.
      expect(librarian.email).toBe('librarian@example.org');
      const asLibrarian = await signIn(request, librarian);
      expect(asLibrarian.member.role).toBe('LIBRARIAN');
      const asReader = await signIn(request, reader);
      expect(asReader.member).toEqual({ name: 'Demo Reader', role: 'MEMBER' });
      const loans = await loansOf(request, asReader.token);
      expect(loans.totalCount).toBe(DEMO_READERS[0]!.borrowed.length);
      expect(loans.edges.every(({ node }) => node.status === 'RETURNED')).toBe(true);
      await stop(first);

      // A restart prints the same sign-ins and adds nothing.
      const second = launch(dir.path);
      const again = graphqlClient(await started(second));
      expect(second.output()).not.toContain('adding the demo library');
      expect(printedSignIn(second.output(), 'reader')).toEqual(reader);
      expect(await bookCount(again)).toBe(DEMO_BOOKS.length);
      expect((await loansOf(again, (await signIn(again, reader)).token)).totalCount).toBe(loans.totalCount);
      await stop(second);
    } finally {
      dir.cleanup();
    }
  });

  it.each([
    ['SHELFMARK_DEMO=false', { SHELFMARK_DEMO: 'false' }],
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
  ])('is not added with %s: the library starts empty and no password is made', async (_, env) => {
    const dir = tempDir('shelfmark-no-demo-');
    try {
      const launched = launch(dir.path, env);
      const request = graphqlClient(await started(launched));
      expect(await bookCount(request)).toBe(0);
      expect(launched.output()).not.toMatch(/demo library/i);
      expect(existsSync(join(dir.path, DEMO_ACCOUNTS_FILE))).toBe(false);
      await stop(launched);
    } finally {
      dir.cleanup();
    }
  });

  it('is finished by the next start when a start is interrupted mid-seed, adding nothing twice', async () => {
    const dir = tempDir('shelfmark-demo-resume-');
    const config = loadConfig({ SHELFMARK_DATA_DIR: dir.path, PORT: '0', LOG_LEVEL: 'silent' });
    /** A start as npm start makes it, whose seed fails at the `at`th time it reaches `step`. */
    const run = async (interrupt?: { step: SeedStep; at: number }) => {
      const demo = openDemo(dir.path)!;
      const shelfmark: EmbeddedShelfmark = await startEmbedded(withDemoLibrarian(config, demo));
      let reached = 0;
      const probe = (step: SeedStep) => {
        if (step === interrupt?.step && ++reached === interrupt.at) throw new Error(`interrupted at ${step}`);
      };
      const error = await seedIfNeeded(shelfmark.url, dir.path, demo, { probe }).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      return { shelfmark, request: graphqlClient(shelfmark.url), error };
    };
    const accounts = () => readDemoAccounts(dir.path)!;
    const reader = () => accounts().readers[0]!;
    try {
      // Killed after the first batch of books: some books, no marker.
      const first = await run({ step: 'books', at: 1 });
      expect(first.error).toEqual(new Error('interrupted at books'));
      const some = await bookCount(first.request);
      expect(some).toBeGreaterThan(0);
      expect(some).toBeLessThan(DEMO_BOOKS.length);
      await first.shelfmark.close();

      // Killed with the demo reader's books borrowed and not yet returned.
      const second = await run({ step: 'borrowed', at: 1 });
      expect(second.error).toEqual(new Error('interrupted at borrowed'));
      const out = await loansOf(second.request, (await signIn(second.request, reader())).token);
      expect(out.edges.filter(({ node }) => node.status !== 'RETURNED')).toHaveLength(
        DEMO_READERS[0]!.borrowed.length,
      );
      await second.shelfmark.close();
      expect(existsSync(join(dir.path, DEMO_SEEDED_MARKER))).toBe(false);

      // The next start finishes it: everything exactly once.
      const third = await run();
      try {
        expect(third.error).toBeUndefined();
        expect(existsSync(join(dir.path, DEMO_SEEDED_MARKER))).toBe(true);
        const { request } = third;
        expect(await bookCount(request)).toBe(DEMO_BOOKS.length);
        const copies = await request<{ books: { edges: { node: { availability: { total: number } } }[] } }>(
          '{ books(first: 100) { edges { node { availability { total } } } } }',
        );
        const total = (copies.data?.books.edges ?? []).reduce(
          (sum, { node }) => sum + node.availability.total,
          0,
        );
        expect(total).toBe(DEMO_BOOKS.reduce((sum, { copies: count }) => sum + count, 0));
        for (const [i, planned] of DEMO_READERS.entries()) {
          const account = accounts().readers[i]!;
          const history = await loansOf(request, (await signIn(request, account)).token);
          expect(history.totalCount).toBe(planned.borrowed.length);
          expect(history.edges.every(({ node }) => node.status === 'RETURNED')).toBe(true);
        }
        const comments = await request<{
          books: { edges: { node: { comments: { totalCount: number } } }[] };
        }>('{ books(first: 100) { edges { node { comments { totalCount } } } } }');
        const written = (comments.data?.books.edges ?? []).reduce(
          (sum, { node }) => sum + node.comments.totalCount,
          0,
        );
        expect(written).toBe(DEMO_COMMENTS.length);
      } finally {
        await third.shelfmark.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
