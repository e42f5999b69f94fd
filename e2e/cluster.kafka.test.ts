import type { RunningCluster } from '@shelfmark/launcher/cluster';
import { readdirSync, readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { parseMail } from '../notifications/test/support/parsedMail';
import { errorCode, eventually, type GraphQLRequest, waitFor } from '@shelfmark/testing';
import {
  AddBook,
  AddCopies,
  BookCirculation,
  BookPage,
  BorrowBooks,
  CancelHold,
  Login,
  MyCirculation,
  PlaceHold,
  RegisterMember,
  RenewLoan,
  ReturnLoan,
  SearchBooks,
} from './operations';
import { startSuiteCluster, untilLoansKnows, type SuiteCluster } from './support/cluster';

const ADMIN = { email: 'admin@cluster.test', password: 'cluster admin password' };

/**
 * `npm run start:cluster`: seven processes over the real Kafka broker of this suite and a MongoDB
 * server, serving the same queries as `npm start`.
 */
describe('Shelfmark as a cluster of processes over Kafka and MongoDB', () => {
  let suite: SuiteCluster;
  let cluster: RunningCluster;
  let request: GraphQLRequest;

  beforeAll(async () => {
    suite = await startSuiteCluster({ name: 'cluster', port: 4400, admin: ADMIN });
    ({ cluster, request } = suite);
  });
  afterAll(() => suite?.close());

  it('starts without logging an error', () => {
    // Pino's levels: 50 error, 60 fatal. Warnings are allowed (e.g. an operator's choice noted).
    expect(suite.log.filter((line) => /"level":(50|60)\b/.test(line))).toEqual([]);
  });

  it('lets the admin add a book and copies that one query then shows across two processes', async () => {
    const login = await request(Login, ADMIN);
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.token;
    const added = await request(
      AddBook,
      {
        input: { isbn: '9780261103573', title: 'The Fellowship of the Ring', authors: ['J. R. R. Tolkien'] },
      },
      { token },
    );
    expect(added.errors).toBeUndefined();
    const bookId = added.data!.addBook.id;

    // Inventory learns of the book from catalogue's event through Kafka.
    const copies = await eventually(
      () => request(AddCopies, { bookId, count: 2 }, { token }),
      (r) => !r.errors,
    );
    expect(copies.data!.addCopies).toHaveLength(2);

    const found = await request(SearchBooks, { search: 'fellowship' });
    expect(found.data?.books.edges.map((e) => e.node.id)).toEqual([bookId]);
    const page = await request(BookPage, { id: bookId });
    expect(page.data?.book).toMatchObject({
      title: 'The Fellowship of the Ring',
      availability: { total: 2, available: 2 },
    });
  });

  it('issues the member card asynchronously in the members process', async () => {
    const registered = await request(RegisterMember, {
      input: { email: 'reader@cluster.test', password: 'reader password', name: 'Cluster Reader' },
    });
    expect(registered.errors).toBeUndefined();
    const token = registered.data!.registerMember.token;
    const me = await eventually(
      () => request<{ me: { card: { number: string } | null } }>('{ me { card { number } } }', {}, { token }),
      (r) => Boolean(r.data?.me?.card),
    );
    expect(me.data?.me.card?.number).toMatch(/\S/);
  });

  const fellowship = async () =>
    (await request(SearchBooks, { search: 'fellowship' })).data!.books.edges[0]!.node.id;
  const join = async (name: string) => {
    const registered = await request(RegisterMember, {
      input: { email: `${name.toLowerCase()}@cluster.test`, password: 'reader password', name },
    });
    expect(registered.errors).toBeUndefined();
    const token = registered.data!.registerMember.token;
    await untilLoansKnows(request, token);
    return token;
  };

  it('lets members borrow, renew, return, hold and cancel across the processes', async () => {
    const bookId = await fellowship();
    const [frodo, sam] = [await join('Frodo'), await join('Sam')];

    const borrowed = await request(BorrowBooks, { bookIds: [bookId] }, { token: frodo });
    expect(borrowed.errors).toBeUndefined();
    const loanId = borrowed.data!.borrowBooks[0]!.id;
    // Inventory marks the copy ON_LOAN from loan-borrowed, through Kafka.
    await eventually(
      () => request(BookCirculation, { id: bookId }),
      (r) => r.data?.book?.availability?.onLoan === 1,
    );
    expect((await request(RenewLoan, { loanId }, { token: frodo })).data?.renewLoan.renewals).toBe(1);

    // Sam holds the book (loans knows it from catalogue's event) and pays 10 points synchronously.
    const held = await eventually(
      () => request(PlaceHold, { bookId }, { token: sam }),
      (r) => !r.errors,
    );
    expect(held.data!.placeHold).toMatchObject({ status: 'WAITING', position: 1, member: { points: 20 } });
    expect(errorCode(await request(RenewLoan, { loanId }, { token: frodo }))).toBe('HOLD_QUEUE_NOT_EMPTY');

    // Frodo returns it: the copy goes to the hold shelf for Sam, who is told it is ready.
    expect((await request(ReturnLoan, { loanId }, { token: frodo })).errors).toBeUndefined();
    await eventually(
      () => request(MyCirculation, {}, { token: sam }),
      (r) => r.data?.me?.holds?.[0]?.status === 'READY',
    );
    await eventually(
      () => request(BookCirculation, { id: bookId }),
      (r) => r.data?.book?.availability?.onHoldShelf === 1,
    );
    // Sam changes their mind: the points come back from members, through Kafka.
    const holdId = held.data!.placeHold.id;
    expect((await request(CancelHold, { holdId }, { token: sam })).data?.cancelHold.status).toBe('CANCELLED');
    await eventually(
      () => request(MyCirculation, {}, { token: sam }),
      (r) => r.data?.me?.points === 30,
    );
    await eventually(
      () => request(BookCirculation, { id: bookId }),
      (r) => r.data?.book?.availability?.available === 2,
    );
  });

  it('never lends the last copy twice across processes', async () => {
    const bookId = await fellowship();
    const tokens = await Promise.all(['Merry', 'Pippin', 'Gandalf', 'Legolas', 'Gimli'].map(join));
    const responses = await Promise.all(
      tokens.map((token) => request(BorrowBooks, { bookIds: [bookId] }, { token })),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(2);
    for (const refused of responses.filter((r) => r.errors))
      expect(errorCode(refused)).toBe('NO_COPY_AVAILABLE');
    for (const [i, response] of responses.entries()) {
      const loan = response.data?.borrowBooks[0];
      if (loan) await request(ReturnLoan, { loanId: loan.id }, { token: tokens[i]! });
    }
    await eventually(
      () => request(BookCirculation, { id: bookId }),
      (r) => r.data?.book?.availability?.available === 2,
    );
  });

  it('keeps answering what it can when a subgraph is down, naming the one that is not', async () => {
    const bookId = await fellowship();
    await cluster.stopSubgraph('comments');
    const page = await request<{ book: { title: string; rating: unknown } | null }>(
      'query($id: ID!) { book(id: $id) { title rating { count } } }',
      { id: bookId },
    );
    expect(page.data?.book?.title).toBe('The Fellowship of the Ring');
    expect(errorCode(page)).toBe('SERVICE_UNAVAILABLE');
    expect(page.errors?.[0]?.extensions?.['serviceName']).toBe('comments');
  });

  it('borrows and returns with catalogue, comments and analytics stopped', async () => {
    const bookId = await fellowship();
    const token = await join('Bilbo');
    for (const name of ['catalogue', 'comments', 'analytics'] as const) await cluster.stopSubgraph(name);
    const borrowed = await request<{
      borrowBooks: { id: string; status: string; copy: { status: string } }[];
    }>(
      'mutation($ids: [ID!]!) { borrowBooks(bookIds: $ids) { id status copy { status } } }',
      { ids: [bookId] },
      { token },
    );
    expect(borrowed.errors).toBeUndefined();
    expect(borrowed.data?.borrowBooks[0]?.status).toBe('ACTIVE');
    const loanId = borrowed.data!.borrowBooks[0]!.id;
    const returned = await request<{ returnLoan: { status: string } }>(
      'mutation($id: ID!) { returnLoan(loanId: $id) { status } }',
      { id: loanId },
      { token },
    );
    expect(returned.errors).toBeUndefined();
    expect(returned.data?.returnLoan.status).toBe('RETURNED');
  });

  it('mails readers from its own process over Kafka: the welcome and the receipt land in the mail folder', async () => {
    const folder = joinPath(suite.dataDir, 'mail');
    const subjectsTo = (address: string) => {
      let names: string[];
      try {
        names = readdirSync(folder).filter((name) => name.endsWith('.eml'));
      } catch {
        return [];
      }
      return names
        .map((name) => parseMail(readFileSync(joinPath(folder, name), 'utf8')))
        .filter((mail) => mail.to.includes(`<${address}>`))
        .map((mail) => mail.subject);
    };
    // Frodo joined and borrowed the fellowship in an earlier test of this suite.
    const subjects = await waitFor(() => {
      const found = subjectsTo('frodo@cluster.test');
      return found.includes('Your loan: The Fellowship of the Ring') ? found : undefined;
    });
    expect(subjects).toContain('Welcome to the library, Frodo');
  });
});
