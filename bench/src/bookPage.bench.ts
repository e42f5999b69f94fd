import 'reflect-metadata';
import { graphqlClient, isbnFor as isbn, tempDir } from '@shelfmark/testing';
import { loadavg } from 'node:os';
import { medianOf, printRatios, startContenders } from './compare';
import { load, machine, print, type LoadFigures } from './report';

/**
 * `npm run bench:book`: the book page through the router of the embedded system — one query that
 * fans out to four subgraphs (catalogue for the book, inventory for availability, comments for the
 * rating, analytics for the borrow count) — at BENCH_CONNECTIONS (default 10) for BENCH_SECONDS
 * (default 10) per row; a second row reads the same while one member borrows and returns books
 * (the answer cache under writes). With BENCH_BASELINE=<git rev> that revision's system runs too, rows
 * alternate between the two (BENCH_ROUNDS, default 3), and today's figures are printed as ratios of
 * the baseline's.
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? (process.env['BENCH_BASELINE'] ? 3 : 1));
const ADMIN = { email: 'bench@library.test', password: 'benchmark password' };
const BOOKS = 200;
const BOOK_PAGE =
  'query($id: ID!) { book(id: $id) { title availability { total available } rating { average count } borrowCount } }';
const ROWS = [
  { name: `book page (4 subgraphs), ${CONNECTIONS} connections`, lending: false },
  // The same reads while one member borrows and returns (one book at a time, over and over): each
  // borrow and return writes to inventory's and analytics' databases, which drops what the
  // router's answer cache kept of them (ADR 22).
  { name: `book page while 1 client borrows and returns`, lending: true },
] as const;

async function main() {
  console.log(`Shelfmark book page benchmark — ${SECONDS} s per row, ${CONNECTIONS} connections`);
  console.log(
    `machine: ${await machine()}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  const dirs: ReturnType<typeof tempDir>[] = [];
  const started = await startContenders((_label, index) => {
    const dir = tempDir('shelfmark-bench-book-');
    dirs.push(dir);
    return {
      SHELFMARK_DATA_DIR: dir.path,
      PORT: String(Number(process.env['BENCH_PORT'] ?? 4093) + index),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      SHELFMARK_ADMIN_EMAIL: ADMIN.email,
      SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
    };
  });
  try {
    const seeded = [];
    for (const contender of started.contenders) {
      const books = await catalogue(contender.system.url);
      seeded.push({ ...contender, books, member: await member(contender.system.url), next: 0, failed: 0 });
    }
    // Each system reads every book once before anything is measured: code warmed up, and the
    // measured rows compare systems that have each seen the page before (as a library's do).
    for (const contender of seeded) {
      for (const id of contender.books) {
        const page = await graphqlClient(contender.system.url)(BOOK_PAGE, { id });
        if (page.errors) throw new Error(JSON.stringify(page.errors));
      }
    }
    const figures = new Map<string, LoadFigures[]>();
    for (const contender of seeded) await contender.system.profile(true);
    for (let round = 1; round <= ROUNDS; round += 1) {
      if (ROUNDS > 1) console.log(`round ${round} of ${ROUNDS} (load average ${loadavg()[0]!.toFixed(2)})`);
      for (const row of ROWS) {
        for (const contender of round % 2 ? seeded : [...seeded].reverse()) {
          const lending = row.lending
            ? lendAndReturn(contender.system.url, contender.member, contender.books)
            : undefined;
          const result = await load(`${contender.label}: ${row.name}`, {
            url: contender.system.url,
            method: 'POST',
            duration: SECONDS,
            connections: CONNECTIONS,
            requests: [
              {
                setupRequest: (request) => ({
                  ...request,
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({
                    query: BOOK_PAGE,
                    variables: { id: contender.books[contender.next++ % contender.books.length] },
                  }),
                }),
                onResponse: (_status, body) => {
                  if (body.includes('"errors"') || !body.includes('"available"')) contender.failed += 1;
                },
              },
            ],
          });
          print(result);
          if (lending) {
            const cycles = await lending.stop();
            console.log(`  (meanwhile ${cycles} borrows and returns, ${(cycles / SECONDS).toFixed(1)}/s)`);
          }
          const key = `${contender.label}|${row.name}`;
          figures.set(key, [...(figures.get(key) ?? []), result]);
        }
      }
    }
    for (const contender of seeded) await contender.system.profile(false);
    if (ROUNDS > 1 || seeded.length > 1) {
      console.log(`\nmedian over ${ROUNDS} round(s) (load average ${loadavg()[0]!.toFixed(2)})`);
      for (const row of ROWS) {
        for (const { label } of seeded) print(medianOf(figures.get(`${label}|${row.name}`)!));
        if (seeded.length > 1) {
          printRatios(
            row.name,
            medianOf(figures.get(`today|${row.name}`)!),
            medianOf(figures.get(`${seeded[1]!.label}|${row.name}`)!),
          );
        }
      }
    }
    for (const contender of seeded) {
      console.log(`${contender.label}: ${contender.failed} answers with errors or without availability`);
      if (contender.failed > 0) process.exitCode = 1;
    }
  } finally {
    await started.close();
    for (const dir of dirs) dir.cleanup();
  }
}

/** A member's token, for the lending row. */
async function member(url: string): Promise<string> {
  const registered = await graphqlClient(url)<{ registerMember: { token: string } }>(
    'mutation($i: RegisterMemberInput!) { registerMember(input: $i) { token } }',
    { i: { email: 'reader@library.test', password: 'benchmark password', name: 'Bench Reader' } },
  );
  if (registered.errors) throw new Error(JSON.stringify(registered.errors));
  return registered.data!.registerMember.token;
}

/**
 * Borrows a book and returns it, one book after another, until stopped; `stop` resolves with the
 * cycles completed. A refusal stops the benchmark: the books have copies to spare.
 */
function lendAndReturn(url: string, token: string, books: readonly string[]): { stop(): Promise<number> } {
  const request = graphqlClient(url);
  let stopping = false;
  let cycles = 0;
  const running = (async () => {
    while (!stopping) {
      const bookId = books[cycles % books.length]!;
      const borrowed = await request<{ borrowBooks: { id: string }[] }>(
        'mutation($b: [ID!]!) { borrowBooks(bookIds: $b) { id } }',
        { b: [bookId] },
        { token },
      );
      if (borrowed.errors) throw new Error(JSON.stringify(borrowed.errors));
      const returned = await request(
        'mutation($l: ID!) { returnLoan(loanId: $l) { id } }',
        { l: borrowed.data!.borrowBooks[0]!.id },
        { token },
      );
      if (returned.errors) throw new Error(JSON.stringify(returned.errors));
      cycles += 1;
    }
  })();
  return {
    async stop() {
      stopping = true;
      await running;
      return cycles;
    },
  };
}

/** BOOKS books with three copies each; returns their ids. */
async function catalogue(url: string): Promise<string[]> {
  const request = graphqlClient(url);
  const login = await request<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: ADMIN.email, p: ADMIN.password },
  );
  if (login.errors) throw new Error(JSON.stringify(login.errors));
  const token = login.data!.login.token;
  const ids: string[] = [];
  for (let i = 0; i < BOOKS; i += 1) {
    const added = await request<{ addBook: { id: string } }>(
      'mutation($i: AddBookInput!) { addBook(input: $i) { id } }',
      { i: { isbn: isbn(i), title: `Book page ${i}`, authors: ['Bench'], subjects: ['fiction'] } },
      { token },
    );
    if (added.errors) throw new Error(JSON.stringify(added.errors));
    const bookId = added.data!.addBook.id;
    const copies = await request(
      'mutation($b: ID!, $n: Int!) { addCopies(bookId: $b, count: $n) { id } }',
      { b: bookId, n: 3 },
      { token },
    );
    if (copies.errors) throw new Error(JSON.stringify(copies.errors));
    ids.push(bookId);
  }
  return ids;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
