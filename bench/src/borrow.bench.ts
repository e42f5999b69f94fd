import 'reflect-metadata';
import { graphqlClient, isbnFor as isbn, tempDir } from '@shelfmark/testing';
import { loadavg } from 'node:os';
import { medianOf, printRatios, startContenders } from './compare';
import { cpuBetween, processTreeCpu } from './processTree';
import { load, machine, print, type LoadFigures } from './report';
import type { EmbeddedSystem } from './system';

/**
 * `npm run bench:borrow`: latency and throughput of `borrowBooks` through the router — the whole
 * saga: the loan-slot claim, inventory's atomic reservation (in process when embedded, over HTTP in
 * the cluster), the loans and their events (published before the answer) — on the embedded topology
 * (`npm start`, SQLite, in-process bus) and, with BENCH_TOPOLOGY=cluster or both, on the cluster
 * (seven processes, Kafka, MongoDB). Embedded, it first counts the SQL statements of a borrow, a
 * return and a hold, and with BENCH_BASELINE=<git rev> runs that revision's system too, alternating
 * rows with today's, and prints today's figures as ratios of the baseline's.
 *
 * Members are distinct (each may have LOAN_LIMIT loans), and every book has enough copies, so every
 * request should succeed; the run checks that the loans counted through the API match the answers.
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10), BENCH_TOPOLOGY (embedded|cluster|both),
 * BENCH_BASELINE, BENCH_ROUNDS, BENCH_COUNTED, BENCH_MEMBERS, BENCH_WARMUP (seconds of unmeasured
 * borrows before the rows, default 3), BENCH_ROWS (which rows, e.g. `1` or `1,3`; default all).
 * In the cluster each row also prints the CPU every process used per borrow (Linux's /proc).
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const TOPOLOGY = process.env['BENCH_TOPOLOGY'] ?? 'embedded';
/** Seconds of unmeasured borrows per system before the rows; BENCH_WARMUP, default 3. */
const WARM_UP = Number(process.env['BENCH_WARMUP'] ?? 3);
/** Rounds of every row, alternating between today and the baseline; default 3 with a baseline, else 1. */
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? (process.env['BENCH_BASELINE'] ? 3 : 1));
/** Operations of each kind whose SQL statements are counted (one client, one after the other). */
const COUNTED = Number(process.env['BENCH_COUNTED'] ?? 20);
const ADMIN = { email: 'bench@library.test', password: 'benchmark password' };
const BOOKS = 40;
const COPIES = 400;
/** Distinct members, each allowed LOAN_LIMIT loans, so no request meets the limit (the run reports refusals). */
const MEMBERS = Number(process.env['BENCH_MEMBERS'] ?? 300);
const LOAN_LIMIT = 100;
const BORROW = 'mutation($b: [ID!]!) { borrowBooks(bookIds: $b) { id dueAt } }';

interface System {
  readonly url: string;
  close(): Promise<void>;
}

async function main() {
  console.log(`Shelfmark borrowBooks benchmark — ${SECONDS} s per row, ${CONNECTIONS} connections`);
  console.log(
    `machine: ${await machine()}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  if (TOPOLOGY === 'embedded' || TOPOLOGY === 'both') await embeddedRuns();
  if (TOPOLOGY === 'cluster' || TOPOLOGY === 'both') await run('cluster', cluster);
}

/** The load rows: one client, then CONNECTIONS, one book and three. */
const ALL_ROWS = [
  { name: 'borrowBooks(1 book), 1 client', size: 1, connections: 1 },
  { name: `borrowBooks(1 book), ${CONNECTIONS} connections`, size: 1, connections: CONNECTIONS },
  { name: `borrowBooks(3 books), ${CONNECTIONS} connections`, size: 3, connections: CONNECTIONS },
] as const;
/** BENCH_ROWS: the rows to run, by number (`1,3`); default all. */
const ROWS = process.env['BENCH_ROWS']
  ? process.env['BENCH_ROWS'].split(',').map((n) => {
      const row = ALL_ROWS[Number(n) - 1];
      if (!row) throw new Error(`BENCH_ROWS: no row ${n} (rows are 1 to ${ALL_ROWS.length})`);
      return row;
    })
  : ALL_ROWS;

/**
 * Embedded: today's system and, with BENCH_BASELINE, a baseline revision's, both running; SQL
 * statements per borrow, return and hold counted in each; then every load row, alternating.
 */
async function embeddedRuns() {
  const dirs: ReturnType<typeof tempDir>[] = [];
  const started = await startContenders((_label, index) => {
    const dir = tempDir('shelfmark-bench-borrow-');
    dirs.push(dir);
    return {
      SHELFMARK_DATA_DIR: dir.path,
      PORT: String(Number(process.env['BENCH_PORT'] ?? 4091) + index),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      SHELFMARK_ADMIN_EMAIL: ADMIN.email,
      SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
      SHELFMARK_MAX_ACTIVE_LOANS: String(LOAN_LIMIT),
      ...(process.env['BENCH_SQL_PROFILE']
        ? { BENCH_SQL_PROFILE: `${process.env['BENCH_SQL_PROFILE']}.${index}.json` }
        : {}),
    };
  });
  const { contenders } = started;
  try {
    const seeded: Contending[] = [];
    for (const { label, system } of contenders) {
      const books = await catalogue(system.url);
      const tokens = await members(system.url, 'load', MEMBERS);
      seeded.push({
        label,
        system,
        books,
        tokens,
        next: 0,
        refused: 0,
        firstRefusal: undefined,
      });
      console.log(`${label}: SQL statements (one client, ${COUNTED} of each, averaged)`);
      const counts = await countStatements(system);
      console.log(
        `  per borrowBooks(1 book) ${counts.borrow.toFixed(1)}, per returnLoan ${counts.return.toFixed(1)}, per placeHold ${counts.hold.toFixed(1)}\n`,
      );
    }
    const figures = new Map<string, LoadFigures[]>();
    /** The system process's CPU time per answered borrow, per row: steadier than req/s on a busy machine. */
    const cpuPerBorrow = new Map<string, number[]>();
    // Each system borrows for WARM_UP seconds first, unmeasured, so the rows time code the JIT has
    // compiled and caches that have filled, as a server running for a while has them.
    if (WARM_UP > 0) {
      console.log(
        `warm-up: ${WARM_UP} s of borrows at ${CONNECTIONS} connections per system, not measured\n`,
      );
      for (const contender of seeded) await borrowLoad(contender, ALL_ROWS[1], WARM_UP);
    }
    for (const contender of seeded) await contender.system.profile(true);
    for (let round = 1; round <= ROUNDS; round += 1) {
      if (ROUNDS > 1) console.log(`round ${round} of ${ROUNDS} (load average ${loadavg()[0]!.toFixed(2)})`);
      // Alternate which goes first, so neither always meets a machine the other just warmed or loaded.
      const order = round % 2 ? seeded : [...seeded].reverse();
      for (const row of ROWS) {
        for (const contender of order) {
          const cpuBefore = (await contender.system.stats()).cpuMs;
          const result = await borrowLoad(contender, row, SECONDS);
          print(result);
          const cpu = ((await contender.system.stats()).cpuMs - cpuBefore) / Math.max(1, result.total);
          console.log(`${''.padEnd(46)}  system CPU ${cpu.toFixed(2)} ms/borrow`);
          const key = `${contender.label}|${row.name}`;
          figures.set(key, [...(figures.get(key) ?? []), result]);
          cpuPerBorrow.set(key, [...(cpuPerBorrow.get(key) ?? []), cpu]);
        }
      }
    }
    for (const contender of seeded) await contender.system.profile(false);
    if (ROUNDS > 1 || seeded.length > 1) {
      console.log(`\nmedian over ${ROUNDS} round(s) (load average ${loadavg()[0]!.toFixed(2)})`);
      for (const row of ROWS) {
        for (const { label } of seeded) {
          print(medianOf(figures.get(`${label}|${row.name}`)!));
          console.log(
            `${''.padEnd(46)}  system CPU ${median(cpuPerBorrow.get(`${label}|${row.name}`)!).toFixed(2)} ms/borrow`,
          );
        }
        if (seeded.length > 1) {
          const cpu = (label: string) => median(cpuPerBorrow.get(`${label}|${row.name}`)!);
          console.log(
            `  ${row.name.padEnd(44)}  system CPU per borrow ${(cpu('today') / cpu(seeded[1]!.label)).toFixed(2)}× (today ÷ baseline)`,
          );
          printRatios(
            row.name,
            medianOf(figures.get(`today|${row.name}`)!),
            medianOf(figures.get(`${seeded[1]!.label}|${row.name}`)!),
          );
        }
      }
    }
    for (const contender of seeded) {
      const onLoan = await totalOnLoan(contender.system.url, contender.books);
      console.log(
        `${contender.label}: ${contender.refused} refused; copies on loan afterwards (inventory, through the API): ${onLoan}`,
      );
      if (contender.refused > 0) {
        console.log(`  the first refusal: ${contender.firstRefusal}`);
        process.exitCode = 1;
      }
    }
  } finally {
    await started.close();
    for (const dir of dirs) dir.cleanup();
  }
}

interface Contending {
  readonly label: string;
  readonly system: EmbeddedSystem;
  readonly books: readonly string[];
  readonly tokens: readonly string[];
  next: number;
  refused: number;
  firstRefusal: string | undefined;
}

/** `seconds` of one row's borrows against one system: each request a new member and the next books. */
function borrowLoad(contender: Contending, row: (typeof ROWS)[number], seconds: number) {
  return load(`${contender.label}: ${row.name}`, {
    url: contender.system.url,
    method: 'POST',
    duration: seconds,
    connections: row.connections,
    requests: [
      {
        setupRequest: (request) => {
          const i = contender.next++;
          const bookIds = Array.from(
            { length: row.size },
            (_, k) => contender.books[(i * row.size + k) % contender.books.length]!,
          );
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${contender.tokens[i % contender.tokens.length]!}`,
            },
            body: JSON.stringify({ query: BORROW, variables: { b: bookIds } }),
          };
        },
        onResponse: (_status, body) => {
          if (!body.includes('"errors"')) return;
          contender.refused += 1;
          contender.firstRefusal ??= body.slice(0, 300);
        },
      },
    ],
  });
}

/**
 * SQL statements SQLite ran per borrowBooks of one book, per returnLoan and per placeHold (with its
 * points spent at members), each averaged over COUNTED requests made one after the other by one
 * client, everything the request caused before its answer included (the relays' publishing and
 * the consumers on the in-process bus), plus whatever ran in the background meanwhile (the relay's
 * poll).
 */
async function countStatements(system: EmbeddedSystem) {
  const request = graphqlClient(system.url);
  const admin = await adminToken(system.url);
  const book = await addBook(system.url, admin, 'Counted', COUNTED);
  const readers = await members(system.url, 'counted', COUNTED);
  const statements = async () => (await system.stats()).statements ?? NaN;
  const measure = async (each: (i: number) => Promise<void>) => {
    const before = await statements();
    for (let i = 0; i < COUNTED; i += 1) await each(i);
    return ((await statements()) - before) / COUNTED;
  };
  const ok = <T>(answer: { data?: T | null; errors?: unknown }) => {
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data!;
  };
  const loans: string[] = [];
  const borrow = await measure(async (i) => {
    const answer = ok(
      await request<{ borrowBooks: { id: string }[] }>(BORROW, { b: [book] }, { token: readers[i]! }),
    );
    loans.push(answer.borrowBooks[0]!.id);
  });
  const returned = await measure(async (i) => {
    ok(
      await request(
        'mutation($l: ID!) { returnLoan(loanId: $l) { id } }',
        { l: loans[i] },
        { token: readers[i]! },
      ),
    );
  });
  // Holds on a book whose one copy is out: each hold spends the member's points at members.
  const held = await addBook(system.url, admin, 'Held', 1);
  const holders = await members(system.url, 'holder', COUNTED + 1);
  ok(await request(BORROW, { b: [held] }, { token: holders[COUNTED]! }));
  for (const token of holders.slice(0, COUNTED)) {
    const me = ok(await request<{ me: { id: string } }>('{ me { id } }', {}, { token }));
    ok(
      await request(
        'mutation($m: ID!) { grantPoints(memberId: $m, points: 100, reason: "bench") { id } }',
        { m: me.me.id },
        { token: admin },
      ),
    );
  }
  const hold = await measure(async (i) => {
    ok(
      await request(
        'mutation($b: ID!) { placeHold(bookId: $b) { id } }',
        { b: held },
        { token: holders[i]! },
      ),
    );
  });
  return { borrow, return: returned, hold };
}

async function run(name: string, start: (dataDir: string) => Promise<System>) {
  const dir = tempDir('shelfmark-bench-borrow-');
  const system = await start(dir.path);
  try {
    const books = await catalogue(system.url);
    // Registered through the API: loans lends only to members it has heard of (ADR 10).
    const tokens = await members(system.url, name, MEMBERS);
    let next = 0;
    let graphqlErrors = 0;
    const borrowing = (label: string, row: (typeof ROWS)[number], seconds: number) =>
      load(label, {
        url: system.url,
        method: 'POST',
        duration: seconds,
        connections: row.connections,
        requests: [
          {
            setupRequest: (request) => {
              const i = next++;
              const bookIds = Array.from(
                { length: row.size },
                (_, k) => books[(i * row.size + k) % books.length]!,
              );
              return {
                ...request,
                headers: {
                  'content-type': 'application/json',
                  authorization: `Bearer ${tokens[i % tokens.length]!}`,
                },
                body: JSON.stringify({ query: BORROW, variables: { b: bookIds } }),
              };
            },
            onResponse: (_status, body) => {
              if (body.includes('"errors"')) graphqlErrors += 1;
            },
          },
        ],
      });
    // As embedded: the rows time code the JITs (Node's and the servers' JVMs) have compiled.
    if (WARM_UP > 0) {
      console.log(`warm-up: ${WARM_UP} s of borrows at ${CONNECTIONS} connections, not measured`);
      const warmUp = await borrowing(`${name}: warm-up`, ALL_ROWS[1], WARM_UP);
      if (graphqlErrors > 0) {
        console.log(`  ${graphqlErrors} of the warm-up's ${warmUp.total} borrows refused`);
        process.exitCode = 1;
      }
    }
    for (const row of ROWS) {
      const refusedBefore = graphqlErrors;
      const cpuBefore = processTreeCpu();
      const figures: LoadFigures = await borrowing(`${name}: ${row.name}`, row, SECONDS);
      const refused = graphqlErrors - refusedBefore;
      print(figures);
      console.log(`  ${figures.total - refused} loaned requests, ${refused} refused`);
      printCpuPerBorrow(cpuBetween(cpuBefore, processTreeCpu()), figures.total);
      if (refused > 0) process.exitCode = 1;
    }
    const onLoan = await totalOnLoan(system.url, books);
    console.log(`  copies on loan afterwards (inventory, through the API): ${onLoan}\n`);
  } finally {
    await system.close();
    dir.cleanup();
  }
}

/** CPU per answered borrow of each process under the benchmark (the cluster's), busiest first. */
function printCpuPerBorrow(used: Map<string, number>, borrows: number) {
  if (used.size === 0 || borrows === 0) return;
  const perBorrow = [...used]
    .map(([label, ms]) => [label, ms / borrows] as const)
    .filter(([, ms]) => ms >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  const total = perBorrow.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(
    `  CPU per borrow ${total.toFixed(1)} ms: ${perBorrow.map(([label, ms]) => `${label} ${ms.toFixed(1)}`).join(', ')}`,
  );
}

async function cluster(dataDir: string): Promise<System> {
  const { loadClusterConfig, startCluster } = await import('@shelfmark/launcher/cluster');
  const started = await startCluster(
    loadClusterConfig({
      SHELFMARK_MAX_ACTIVE_LOANS: String(LOAN_LIMIT),
      ...(process.env['KAFKA_BROKERS'] ? { KAFKA_BROKERS: process.env['KAFKA_BROKERS'] } : {}),
      ...(process.env['MONGODB_URL'] ? { MONGODB_URL: process.env['MONGODB_URL'] } : {}),
      PORT: '4500',
      SHELFMARK_SUBGRAPH_PORTS_FROM: '4501',
      SHELFMARK_DATA_DIR: dataDir,
      SHELFMARK_ADMIN_EMAIL: ADMIN.email,
      SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'error',
    }),
    () => undefined,
  );
  return { url: started.url, close: () => started.close() };
}

/** Registers `count` members, a few at a time (each registration hashes a password), and returns their tokens. */
async function members(url: string, name: string, count: number): Promise<string[]> {
  const request = graphqlClient(url);
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, async (_, k) => {
      const registered = await request<{ registerMember: { token: string } }>(
        'mutation($i: RegisterMemberInput!) { registerMember(input: $i) { token } }',
        {
          i: { email: `${name}-${i + k}@bench.test`, password: 'benchmark password', name: `Bench ${i + k}` },
        },
      );
      if (registered.errors) throw new Error(JSON.stringify(registered.errors));
      return registered.data!.registerMember.token;
    });
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}

async function adminToken(url: string): Promise<string> {
  const login = await graphqlClient(url)<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: ADMIN.email, p: ADMIN.password },
  );
  if (login.errors) throw new Error(JSON.stringify(login.errors));
  return login.data!.login.token;
}

let isbns = 0;

/** Adds a book with `copies` copies; returns its id. */
async function addBook(url: string, token: string, title: string, copies: number): Promise<string> {
  const request = graphqlClient(url);
  const added = await request<{ addBook: { id: string } }>(
    'mutation($i: AddBookInput!) { addBook(input: $i) { id } }',
    { i: { isbn: isbn(++isbns), title, authors: ['Bench'] } },
    { token },
  );
  if (added.errors) throw new Error(JSON.stringify(added.errors));
  const bookId = added.data!.addBook.id;
  // Across processes inventory learns of the book through Kafka: retry until it has.
  for (let attempt = 0; ; attempt += 1) {
    const added = await request(
      'mutation($b: ID!, $n: Int!) { addCopies(bookId: $b, count: $n) { id } }',
      { b: bookId, n: copies },
      { token },
    );
    if (!added.errors) break;
    if (attempt > 100) throw new Error(JSON.stringify(added.errors));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return bookId;
}

/** BOOKS books of COPIES copies each, known to loans and inventory before the load starts. */
async function catalogue(url: string): Promise<string[]> {
  const token = await adminToken(url);
  const ids: string[] = [];
  for (let i = 0; i < BOOKS; i += 1) ids.push(await addBook(url, token, `Borrowable ${i}`, COPIES));
  return ids;
}

async function totalOnLoan(url: string, books: readonly string[]): Promise<number> {
  const request = graphqlClient(url);
  let total = 0;
  for (const id of books) {
    const page = await request<{ book: { availability: { onLoan: number } } }>(
      'query($id: ID!) { book(id: $id) { availability { onLoan } } }',
      { id },
    );
    total += page.data?.book.availability.onLoan ?? 0;
  }
  return total;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
