import {
  endpointOf,
  exitOf,
  graphqlClient,
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
    SHELFMARK_SAGA_TIMEOUT_SECONDS: '4',
    SHELFMARK_JOB_INTERVAL_SECONDS: '1',
    ...env,
  });

/** Polls `check` until it stops throwing (the system converged), or fails with its last error. */
async function eventually<T>(check: () => Promise<T>, ms = 20_000): Promise<T> {
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

  async function prepare(request: GraphQLRequest) {
    const admin = (await request(Login, ADMIN)).data!.login.token;
    n += 1;
    const book = await request(
      AddBook,
      {
        input: {
          isbn: ['9780441172719', '9780141439518', '9780141439600', '9780140449136'][n - 1]!,
          title: `Crash ${n}`,
          authors: ['X'],
        },
      },
      { token: admin },
    );
    const bookId = book.data!.addBook.id;
    await request(AddCopies, { bookId, count: 2 }, { token: admin });
    const member = await request(RegisterMember, {
      input: { email: `crash${n}@library.test`, password: 'a long enough password', name: `Crash ${n}` },
    });
    return { bookId, token: member.data!.registerMember.token };
  }

  it.each([
    ['claimed', 'compensated'],
    ['inventory-answered', 'compensated'],
    ['reserved', 'confirmed'],
    ['loans-created', 'confirmed'],
  ] as const)(
    'killed after "%s": the borrow ends %s',
    async (step, outcome) => {
      const crashing = launch(dir.path, { SHELFMARK_CRASH_AT: step });
      const first = graphqlClient(await endpointOf(crashing));
      const { bookId, token } = await prepare(first);

      await expect(first(BorrowBooks, { bookIds: [bookId] }, { token })).rejects.toThrow();
      expect((await exitOf(crashing)).signal).toBe('SIGKILL');
      expect(crashing.output()).toContain(`crash drill: killing the process at borrow step "${step}"`);

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
    },
    90_000,
  );
});
