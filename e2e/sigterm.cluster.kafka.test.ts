import type { RunningCluster } from '@shelfmark/launcher/cluster';
import { type GraphQLRequest, type GraphQLResponse, eventually } from '@shelfmark/testing';
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
import { startSuiteCluster, type SuiteCluster } from './support/cluster';

const ADMIN = { email: 'admin@sigterm.test', password: 'sigterm admin password' };
const READERS = 6;

/**
 * A rolling restart under load, in the cluster shape: readers borrow and return without pause
 * while loans (the borrow saga, publishing loan-borrowed) and then inventory (reserving copies,
 * consuming loan events) get SIGTERM and start again. Every borrow and return the API
 * acknowledged must be there afterwards, and its events applied: inventory's count of copies on
 * loan matches the loans that are active.
 */
describe('SIGTERM under load: nothing acknowledged is lost', () => {
  let suite: SuiteCluster;
  let cluster: RunningCluster;
  let request: GraphQLRequest;

  beforeAll(async () => {
    suite = await startSuiteCluster({ name: 'sigterm', port: 4800, admin: ADMIN });
    ({ cluster, request } = suite);
  });
  afterAll(() => suite?.close());

  it('keeps every acknowledged borrow and return, and their events, across a restart of loans and inventory', async () => {
    const admin = (await request(Login, ADMIN)).data!.login.token;
    const added = await request(
      AddBook,
      { input: { isbn: '9780141439518', title: 'Pride and Prejudice', authors: ['Jane Austen'] } },
      { token: admin },
    );
    expect(added.errors).toBeUndefined();
    const bookId = added.data!.addBook.id;
    await eventually(
      () => request(AddCopies, { bookId, count: READERS }, { token: admin }),
      (r) => !r.errors,
    );
    const readers: string[] = [];
    for (let i = 0; i < READERS; i++) {
      const joined = await request(RegisterMember, {
        input: { email: `reader${i}@sigterm.test`, password: 'reader password', name: `Reader ${i}` },
      });
      expect(joined.errors).toBeUndefined();
      readers.push(joined.data!.registerMember.token);
    }

    // What the API acknowledged, per reader: loans borrowed, and those of them returned.
    const borrowed = readers.map(() => new Set<string>());
    const returned = readers.map(() => new Set<string>());
    let refused = 0;
    /** Why requests were refused or failed during the restarts, counted by code and message. */
    const failures = new Map<string, number>();
    const note = (response: GraphQLResponse<unknown> | undefined) => {
      const error = response?.errors?.[0];
      const key = error ? `${String(error.extensions?.['code'])}: ${error.message}` : 'no answer';
      failures.set(key, (failures.get(key) ?? 0) + 1);
    };
    let load = true;
    const borrowAndReturn = async (index: number) => {
      const token = readers[index]!;
      while (load) {
        const borrow = await request(BorrowBooks, { bookIds: [bookId] }, { token }).catch(() => undefined);
        const loan = borrow?.data?.borrowBooks[0];
        if (!loan) {
          refused += 1;
          note(borrow);
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        borrowed[index]!.add(loan.id);
        // Returned until acknowledged. A return loans applied can still be answered with an error
        // while inventory restarts (the answer's copy comes from inventory): the retry then finds
        // it returned, and it counts as not acknowledged.
        const answer = await eventually(
          () =>
            request(ReturnLoan, { loanId: loan.id }, { token }).then((r) => {
              if (r.errors) note(r);
              return r;
            }),
          (r) =>
            r.data?.returnLoan.status === 'RETURNED' ||
            r.errors?.[0]?.extensions?.['code'] === 'BAD_USER_INPUT',
        );
        if (answer.data?.returnLoan.status === 'RETURNED') returned[index]!.add(loan.id);
      }
    };
    const acknowledged = () => borrowed.reduce((sum, set) => sum + set.size, 0);
    const atLeast = async (count: number) => {
      while (acknowledged() < count) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    const running = readers.map((_, index) => borrowAndReturn(index));
    await atLeast(READERS);
    expect(await cluster.restartSubgraph('loans')).toBe(0);
    const afterLoans = acknowledged();
    await atLeast(afterLoans + READERS);
    expect(await cluster.restartSubgraph('inventory')).toBe(0);
    const afterInventory = acknowledged();
    await atLeast(afterInventory + READERS);
    load = false;
    await Promise.all(running);

    // Every acknowledged borrow is there; every acknowledged return too.
    let active = 0;
    for (const [index, token] of readers.entries()) {
      const mine = await eventually(
        () => request(MyCirculation, {}, { token }),
        (r) => Boolean(r.data?.me),
      );
      const status = new Map(mine.data!.me!.loans!.map((loan) => [loan.id, loan.status]));
      for (const id of borrowed[index]!) expect(status.has(id)).toBe(true);
      for (const id of returned[index]!) expect(status.get(id)).toBe('RETURNED');
      active += [...status.values()].filter((value) => value !== 'RETURNED').length;
    }
    // …and their events were consumed: inventory's copies on loan are the loans that are active.
    await eventually(
      () => request(BookCirculation, { id: bookId }),
      (r) => r.data?.book?.availability?.onLoan === active,
    );
    console.log(
      `acknowledged borrows: ${acknowledged()}, returns: ${returned.reduce((sum, set) => sum + set.size, 0)}, ` +
        `refused or failed during restarts: ${refused}, still active: ${active}\n` +
        [...failures].map(([why, count]) => `  ${count} × ${why}`).join('\n'),
    );
  });
});
