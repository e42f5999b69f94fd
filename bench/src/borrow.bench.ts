import 'reflect-metadata';
import { graphqlClient, isbnFor as isbn, tempDir } from '@shelfmark/testing';
import { load, machine, print, type LoadFigures } from './report';
import { launch } from './system';

/**
 * `npm run bench:borrow`: latency and throughput of `borrowBooks` through the router — the whole
 * saga: the loan-slot claim, inventory's atomic reservation over HTTP, the loans and their events
 * (published before the answer) — on the embedded topology (`npm start`, SQLite, in-process bus)
 * and, with BENCH_TOPOLOGY=cluster or both, on the cluster (seven processes, Kafka, MongoDB).
 *
 * Members are distinct (each may have 5 loans), and every book has enough copies, so every request
 * should succeed; the run checks that the loans counted through the API match the answers.
 * BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10), BENCH_TOPOLOGY (embedded|cluster|both).
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const TOPOLOGY = process.env['BENCH_TOPOLOGY'] ?? 'embedded';
const ADMIN = { email: 'bench@library.test', password: 'benchmark password' };
const BOOKS = 40;
const COPIES = 250;
/** Each may hold 5 loans: enough slots for both runs at this machine's rate (the run reports refusals). */
const MEMBERS = Number(process.env['BENCH_MEMBERS'] ?? 800);

interface System {
  readonly url: string;
  close(): Promise<void>;
}

async function main() {
  console.log(`Shelfmark borrowBooks benchmark — ${SECONDS} s per run, ${CONNECTIONS} connections`);
  console.log(`machine: ${machine()}\n`);
  if (TOPOLOGY === 'embedded' || TOPOLOGY === 'both') await run('embedded', embedded);
  if (TOPOLOGY === 'cluster' || TOPOLOGY === 'both') await run('cluster', cluster);
}

async function run(name: string, start: (dataDir: string) => Promise<System>) {
  const dir = tempDir('shelfmark-bench-borrow-');
  const system = await start(dir.path);
  try {
    const books = await catalogue(system.url);
    // Registered through the API: loans lends only to members it has heard of (ADR 10).
    const tokens = await members(system.url, name);
    for (const size of [1, 3]) {
      let next = 0;
      let graphqlErrors = 0;
      const figures: LoadFigures = await load(`${name}: borrowBooks(${size} book${size > 1 ? 's' : ''})`, {
        url: system.url,
        method: 'POST',
        duration: SECONDS,
        connections: CONNECTIONS,
        requests: [
          {
            setupRequest: (request) => {
              const i = next++;
              const bookIds = Array.from({ length: size }, (_, k) => books[(i * size + k) % books.length]!);
              return {
                ...request,
                headers: {
                  'content-type': 'application/json',
                  authorization: `Bearer ${tokens[i % tokens.length]!}`,
                },
                body: JSON.stringify({
                  query: 'mutation($b: [ID!]!) { borrowBooks(bookIds: $b) { id dueAt } }',
                  variables: { b: bookIds },
                }),
              };
            },
            onResponse: (_status, body) => {
              if (body.includes('"errors"')) graphqlErrors += 1;
            },
          },
        ],
      });
      print(figures);
      console.log(`  ${figures.total - graphqlErrors} loaned requests, ${graphqlErrors} refused`);
      if (graphqlErrors > 0) process.exitCode = 1;
    }
    const onLoan = await totalOnLoan(system.url, books);
    console.log(`  copies on loan afterwards (inventory, through the API): ${onLoan}\n`);
  } finally {
    await system.close();
    dir.cleanup();
  }
}

async function embedded(dataDir: string): Promise<System> {
  const started = await launch({
    SHELFMARK_DATA_DIR: dataDir,
    PORT: process.env['BENCH_PORT'] ?? '4091',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    SHELFMARK_ADMIN_EMAIL: ADMIN.email,
    SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
  });
  return started;
}

async function cluster(dataDir: string): Promise<System> {
  const { loadClusterConfig, startCluster } = await import('@shelfmark/launcher/cluster');
  const started = await startCluster(
    loadClusterConfig({
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

/** BOOKS books of COPIES copies each, known to loans and inventory before the load starts. */
/** Registers MEMBERS members, a few at a time (each registration hashes a password), and returns their tokens. */
async function members(url: string, name: string): Promise<string[]> {
  const request = graphqlClient(url);
  const tokens: string[] = [];
  for (let i = 0; i < MEMBERS; i += 8) {
    const batch = Array.from({ length: Math.min(8, MEMBERS - i) }, async (_, k) => {
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

async function catalogue(url: string): Promise<string[]> {
  const request = graphqlClient(url);
  const login = await request<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: ADMIN.email, p: ADMIN.password },
  );
  const token = login.data!.login.token;
  const ids: string[] = [];
  for (let i = 0; i < BOOKS; i += 1) {
    const added = await request<{ addBook: { id: string } }>(
      'mutation($i: AddBookInput!) { addBook(input: $i) { id } }',
      { i: { isbn: isbn(i), title: `Borrowable ${i}`, authors: ['Bench'] } },
      { token },
    );
    if (added.errors) throw new Error(JSON.stringify(added.errors));
    const bookId = added.data!.addBook.id;
    // Across processes inventory learns of the book through Kafka: retry until it has.
    for (let attempt = 0; ; attempt += 1) {
      const copies = await request(
        'mutation($b: ID!, $n: Int!) { addCopies(bookId: $b, count: $n) { id } }',
        { b: bookId, n: COPIES },
        { token },
      );
      if (!copies.errors) break;
      if (attempt > 100) throw new Error(JSON.stringify(copies.errors));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    ids.push(bookId);
  }
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
