import {
  endpointOf,
  exitOf,
  graphqlClient,
  isbnFor,
  spawnShelfmark,
  tempDir,
  type GraphQLRequest,
} from '@shelfmark/testing';
import {
  AddBook,
  AddCopies,
  BookCirculation,
  BorrowBooks,
  Login,
  MyCirculation,
  RegisterMember,
  ReturnLoan,
} from './operations';

const ADMIN = { email: 'admin@library.test', password: 'correct horse battery staple' };

/** `npm start` in a child process, so a crash drill can really kill it (SIGKILL, no clean-up). */
const launch = (dataDir: string, env: Record<string, string> = {}) =>
  spawnShelfmark({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: '0',
    SHELFMARK_DATA_DIR: dataDir,
    SHELFMARK_ADMIN_EMAIL: ADMIN.email,
    SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
    // Far longer than any test waits: the restarted process must not need it (nothing in flight
    // survives an embedded restart), and the periodic jobs stay off, so only start-up recovery runs.
    SHELFMARK_SAGA_TIMEOUT_SECONDS: '600',
    SHELFMARK_JOB_INTERVAL_SECONDS: '0',
    ...env,
  });

/**
 * Polls `check` until it stops throwing (the system converged), or fails with its last error. The
 * ceiling only stops a test that would never converge; a slow machine merely polls longer.
 */
async function eventually<T>(check: () => Promise<T>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Crash drills for the borrow saga: the process is killed (SIGKILL) right after a step is written,
 * then started again on the same data. Whatever the step, the system converges: the loan is
 * confirmed (the copies were reserved) or fully compensated (they were not), and copies, loans and
 * the member's loan slots agree.
 */
describe('the borrow saga survives the process being killed at each step', () => {
  const dir = tempDir('shelfmark-crash-');
  afterAll(() => dir.cleanup());
  let n = 0;

  async function prepare(request: GraphQLRequest, copies = 2) {
    const admin = (await request(Login, ADMIN)).data!.login.token;
    n += 1;
    const book = await request(
      AddBook,
      { input: { isbn: isbnFor(8_000 + n), title: `Crash ${n}`, authors: ['X'] } },
      { token: admin },
    );
    const bookId = book.data!.addBook.id;
    await request(AddCopies, { bookId, count: copies }, { token: admin });
    return { bookId, token: await register(request) };
  }

  async function register(request: GraphQLRequest) {
    n += 1;
    const member = await request(RegisterMember, {
      input: { email: `crash${n}@library.test`, password: 'a long enough password', name: `Crash ${n}` },
    });
    return member.data!.registerMember.token;
  }

  /** Starts a borrow of `copies` copies of a new book and kills the process at `step`. */
  async function crashAt(step: string, copies = 2) {
    const crashing = launch(dir.path, { SHELFMARK_CRASH_AT: step });
    const first = graphqlClient(await endpointOf(crashing));
    const prepared = await prepare(first, copies);

    await expect(
      first(BorrowBooks, { bookIds: [prepared.bookId] }, { token: prepared.token }),
    ).rejects.toThrow();
    expect((await exitOf(crashing)).signal).toBe('SIGKILL');
    expect(crashing.output()).toContain(`crash drill: killing the process at borrow step "${step}"`);
    return prepared;
  }

  it.each([
    ['claimed', 'compensated'],
    ['inventory-answered', 'compensated'],
    ['reserved', 'confirmed'],
    ['loans-created', 'confirmed'],
  ] as const)('killed after "%s": the borrow ends %s', async (step, outcome) => {
    const { bookId, token } = await crashAt(step);

    const restarted = launch(dir.path);
    try {
      const request = graphqlClient(await endpointOf(restarted));
      const expectedLoans = outcome === 'confirmed' ? 1 : 0;
      const loans = await eventually(async () => {
        const me = (await request(MyCirculation, {}, { token })).data!.me!;
        const availability = (await request(BookCirculation, { id: bookId })).data!.book!.availability;
        expect(me.loans).toHaveLength(expectedLoans);
        expect(availability).toEqual({
          total: 2,
          available: 2 - expectedLoans,
          onLoan: expectedLoans,
          onHoldShelf: 0,
        });
        return me.loans;
      });
      // Consistent all the way: the member's slots are right and the copy can come back.
      if (expectedLoans === 1) {
        expect((await request(ReturnLoan, { loanId: loans![0]!.id }, { token })).errors).toBeUndefined();
      }
      const again = await request(BorrowBooks, { bookIds: [bookId] }, { token });
      expect(again.errors).toBeUndefined();
      expect((await request(BookCirculation, { id: bookId })).data!.book!.availability).toEqual({
        total: 2,
        available: 1,
        onLoan: 1,
        onHoldShelf: 0,
      });
    } finally {
      restarted.child.kill('SIGINT');
      await exitOf(restarted);
    }
  });

  // The copy was reserved in inventory, but the request that reserved it died with the process.
  it('regression: a copy reserved by a borrow that died with the process is borrowable right after the restart', async () => {
    const { bookId, token } = await crashAt('inventory-answered', 1);

    const restarted = launch(dir.path);
    try {
      // Only readiness is awaited: no saga timeout, no scheduled job, no polling.
      const request = graphqlClient(await endpointOf(restarted));
      expect((await request(BookCirculation, { id: bookId })).data!.book!.availability).toEqual({
        total: 1,
        available: 1,
        onLoan: 0,
        onHoldShelf: 0,
      });
      const reader = await register(request);
      const borrowed = await request(BorrowBooks, { bookIds: [bookId] }, { token: reader });
      expect(borrowed.errors).toBeUndefined();
      expect(borrowed.data!.borrowBooks).toHaveLength(1);
      expect((await request(MyCirculation, {}, { token })).data!.me!.loans).toHaveLength(0);
    } finally {
      restarted.child.kill('SIGINT');
      await exitOf(restarted);
    }
  });

  it('regression: a borrow that died after its copies were reserved is a loan right after the restart', async () => {
    const { bookId, token } = await crashAt('reserved', 1);

    const restarted = launch(dir.path);
    try {
      const request = graphqlClient(await endpointOf(restarted));
      expect((await request(MyCirculation, {}, { token })).data!.me!.loans).toHaveLength(1);
      expect((await request(BookCirculation, { id: bookId })).data!.book!.availability).toEqual({
        total: 1,
        available: 0,
        onLoan: 1,
        onHoldShelf: 0,
      });
    } finally {
      restarted.child.kill('SIGINT');
      await exitOf(restarted);
    }
  });
});
