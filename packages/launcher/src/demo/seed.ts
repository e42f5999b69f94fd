import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoAccount, DemoAccounts } from './accounts';
import { DEMO_BOOKS, type DemoBook } from './books';
import { ApiError, apiAt, type Api } from './client';
import { DEMO_COMMENTS, DEMO_READERS } from './plan';

/** Written to the data folder when the demo library is complete; its presence means "never again". */
export const DEMO_SEEDED_MARKER = 'demo-seeded';

/** Operations per document: the router refuses more than 30 aliases (docs/errors.md). */
const BATCH = 20;

/** Books one borrowBooks asks for: the default loan limit (a lower one is met one at a time). */
const BORROW_AT_ONCE = 5;

/**
 * Documents in flight at once: each mutation waits for its events to be applied, mostly in other
 * subgraphs' databases, so a few at a time keep the process busy without queueing up.
 */
const WRITERS = 3;

/** Times a reader comes back to a book with no copy free before leaving it out. */
const MAX_WAITS = 100;

/** A point the seed reached, each written before the next begins. */
export type SeedStep = 'books' | 'copies' | 'reader' | 'borrowed' | 'returned' | 'comment';

export interface SeedOptions {
  /** Called after each step is written; crash drills (tests) throw from it. */
  readonly probe?: (step: SeedStep) => void;
}

/** What one run added: after an interrupted run, the next adds only the rest. */
export interface SeedReport {
  readonly books: number;
  readonly copies: number;
  readonly loans: number;
  readonly comments: number;
}

/**
 * Fills an empty library with the demo (books.ts, plan.ts) through the router, as the demo
 * librarian and the demo readers, so every event flows as in real use (availability, rankings,
 * points, mail). Each step first reads what is already there and adds only what is missing, so a
 * run interrupted anywhere (a crash, Ctrl-C) is finished by the next; the marker is written last.
 */
export async function seedDemo(
  url: string,
  dataDir: string,
  accounts: DemoAccounts,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const api = apiAt(url);
  const probe = options.probe ?? (() => undefined);
  const report = { books: 0, copies: 0, loans: 0, comments: 0 };
  const librarian = (await signIn(api, accounts.librarian)).token;

  let catalogue = await catalogueOf(api);
  const missing = DEMO_BOOKS.filter((book) => !catalogue.has(book.isbn));
  await inParallel(chunks(missing, BATCH), WRITERS, async (batch) => {
    await api(addBooks(batch.length), indexed('b', batch.map(bookInput)), librarian);
    report.books += batch.length;
    probe('books');
  });
  if (missing.length > 0) catalogue = await catalogueOf(api);
  const entry = (book: DemoBook) => {
    const found = catalogue.get(book.isbn);
    if (!found) throw new Error(`The demo book "${book.title}" is not in the catalogue.`);
    return found;
  };

  const short = DEMO_BOOKS.map((book) => ({ book, count: book.copies - entry(book).copies })).filter(
    ({ count }) => count > 0,
  );
  await inParallel(chunks(short, BATCH), WRITERS, async (batch) => {
    const copies = batch.flatMap(({ book, count }, i): [string, string | number][] => [
      [`c${i}`, entry(book).id],
      [`n${i}`, count],
      [`l${i}`, `Shelf: ${book.subjects[0] ?? 'general'}`],
    ]);
    await api(addCopies(batch.length), Object.fromEntries(copies), librarian);
    report.copies += batch.reduce((sum, { count }) => sum + count, 0);
    probe('copies');
  });

  const bookId = (title: string) => {
    const book = DEMO_BOOKS.find((candidate) => candidate.title === title);
    if (!book) throw new Error(`The demo plan names "${title}", which is not a demo book.`);
    return entry(book).id;
  };
  // One reader at a time: a borrow is a saga calling inventory with a deadline, and a loaded
  // machine running several would see them time out.
  await inParallel(DEMO_READERS, 1, async (reader) => {
    const account = accounts.readers.find((candidate) => candidate.email === reader.email);
    if (!account) return;
    const session = await joinLibrary(api, account);
    probe('reader');
    report.loans += await borrowAndReturn(api, session.token, reader.borrowed.map(bookId), probe);
    for (const comment of DEMO_COMMENTS.filter(({ by }) => by === reader.email)) {
      const id = bookId(comment.title);
      if (await hasCommented(api, id, session.memberId)) continue;
      await api(
        POST_COMMENT,
        { bookId: id, body: comment.body, rating: comment.rating ?? null },
        session.token,
      );
      report.comments += 1;
      probe('comment');
    }
  });

  writeFileSync(
    join(dataDir, DEMO_SEEDED_MARKER),
    `${JSON.stringify({ seededAt: new Date().toISOString(), books: DEMO_BOOKS.length })}\n`,
  );
  return report;
}

interface Session {
  readonly token: string;
  readonly memberId: string;
}

interface AuthAnswer {
  readonly token: string;
  readonly member: { readonly id: string };
}

async function signIn(api: Api, account: DemoAccount): Promise<Session> {
  const { login } = await api<{ login: AuthAnswer }>(
    `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token member { id } } }`,
    { email: account.email, password: account.password },
  );
  return { token: login.token, memberId: login.member.id };
}

/** Registers the reader; one registered by an interrupted run signs in instead. */
async function joinLibrary(api: Api, account: DemoAccount): Promise<Session> {
  try {
    const { registerMember } = await api<{ registerMember: AuthAnswer }>(
      `mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { token member { id } } }`,
      { input: account },
    );
    return { token: registerMember.token, memberId: registerMember.member.id };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'ALREADY_EXISTS') return signIn(api, account);
    throw error;
  }
}

interface CatalogueEntry {
  readonly id: string;
  /** Copies in circulation. */
  readonly copies: number;
}

interface BooksPage {
  readonly books: {
    readonly edges: readonly {
      readonly node: { id: string; isbn: string; availability: { total: number } | null };
    }[];
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

/** Every book in the catalogue by ISBN, with its copies. */
async function catalogueOf(api: Api): Promise<Map<string, CatalogueEntry>> {
  const found = new Map<string, CatalogueEntry>();
  let after: string | null = null;
  for (;;) {
    const page: BooksPage = await api<BooksPage>(
      `query ($after: String) { books(first: 100, after: $after) {
        edges { node { id isbn availability { total } } }
        pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const { node } of page.books.edges) {
      found.set(node.isbn, { id: node.id, copies: node.availability?.total ?? 0 });
    }
    if (!page.books.pageInfo.hasNextPage) return found;
    after = page.books.pageInfo.endCursor;
  }
}

interface LoanHistory {
  readonly me: {
    readonly loanHistory: {
      readonly edges: readonly { readonly node: { id: string; status: string; book: { id: string } } }[];
    };
  };
}

/**
 * The reader borrows each book not yet in their history and gives it back: a few books per
 * borrowBooks, then one document returning them. Loans a previous run left out are returned first.
 * Returns how many loans this run made.
 */
async function borrowAndReturn(
  api: Api,
  token: string,
  bookIds: readonly string[],
  probe: (step: SeedStep) => void,
): Promise<number> {
  const history = await api<LoanHistory>(
    `{ me { loanHistory(first: 100) { edges { node { id status book { id } } } } } }`,
    {},
    token,
  );
  const loans = history.me.loanHistory.edges.map(({ node }) => node);
  await returnLoans(
    api,
    token,
    loans.filter(({ status }) => status !== 'RETURNED').map(({ id }) => id),
  );
  const had = new Set(loans.map(({ book }) => book.id));
  let todo = bookIds.filter((id) => !had.has(id));
  let atOnce = BORROW_AT_ONCE;
  let made = 0;
  let waits = 0;
  while (todo.length > 0) {
    const asked = todo.slice(0, atOnce);
    let lent: readonly { id: string }[];
    try {
      ({ borrowBooks: lent } = await api<{ borrowBooks: { id: string }[] }>(
        `mutation ($bookIds: [ID!]!) { borrowBooks(bookIds: $bookIds) { id } }`,
        { bookIds: asked },
        token,
      ));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // Lending is all or nothing: with a lower loan limit, or a book whose copies are all out
      // (another demo reader has it, or a visitor: the library is open while it seeds), go on one
      // book at a time, and come back to a book with no copy free after the others.
      const expected = error.code === 'LOAN_LIMIT_REACHED' || error.code === 'NO_COPY_AVAILABLE';
      if (!expected) throw error;
      if (asked.length > 1) atOnce = 1;
      else if (error.code === 'NO_COPY_AVAILABLE' && waits < MAX_WAITS) {
        waits += 1;
        todo = [...todo.slice(1), ...asked];
        await new Promise((resolve) => setTimeout(resolve, 50));
      } else if (error.code === 'NO_COPY_AVAILABLE') todo = todo.slice(1);
      else throw error;
      continue;
    }
    probe('borrowed');
    await returnLoans(
      api,
      token,
      lent.map(({ id }) => id),
    );
    probe('returned');
    made += lent.length;
    todo = todo.slice(asked.length);
  }
  return made;
}

async function returnLoans(api: Api, token: string, loanIds: readonly string[]): Promise<void> {
  for (const batch of chunks(loanIds, BATCH)) {
    const declared = batch.map((_, i) => `$r${i}: ID!`).join(', ');
    const fields = batch.map((_, i) => `r${i}: returnLoan(loanId: $r${i}) { id }`).join(' ');
    await api(`mutation (${declared}) { ${fields} }`, indexed('r', batch), token);
  }
}

async function hasCommented(api: Api, bookId: string, memberId: string): Promise<boolean> {
  const { book } = await api<{
    book: { comments: { edges: { node: { author: { id: string } | null } }[] } | null } | null;
  }>(`query ($id: ID!) { book(id: $id) { comments(first: 100) { edges { node { author { id } } } } } }`, {
    id: bookId,
  });
  return (book?.comments?.edges ?? []).some(({ node }) => node.author?.id === memberId);
}

const POST_COMMENT = `mutation ($bookId: ID!, $body: String!, $rating: Int) {
  postComment(bookId: $bookId, body: $body, rating: $rating) { id } }`;

function addBooks(count: number): string {
  const declared = Array.from({ length: count }, (_, i) => `$b${i}: AddBookInput!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `b${i}: addBook(input: $b${i}) { id }`).join(' ');
  return `mutation (${declared}) { ${fields} }`;
}

function addCopies(count: number): string {
  const declared = Array.from({ length: count }, (_, i) => `$c${i}: ID!, $n${i}: Int!, $l${i}: String`).join(
    ', ',
  );
  const fields = Array.from(
    { length: count },
    (_, i) => `c${i}: addCopies(bookId: $c${i}, count: $n${i}, location: $l${i}) { id }`,
  ).join(' ');
  return `mutation (${declared}) { ${fields} }`;
}

function bookInput({ copies: _copies, ...input }: DemoBook) {
  return input;
}

/** `{ b0: …, b1: … }`: the variables of a document with one aliased field per item. */
function indexed(prefix: string, items: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(items.map((item, i) => [`${prefix}${i}`, item]));
}

/**
 * Runs `work` on every item, at most `limit` at a time; fails with the first failure, after which
 * no new item is started (those under way finish).
 */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      await work(items[next++]!).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}
