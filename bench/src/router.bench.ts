import 'reflect-metadata';
import { graphqlClient, isbnFor as isbn, tempDir } from '@shelfmark/testing';
import { load, machine, print } from './report';
import { launch } from './system';

/**
 * `npm run bench:router`: latency and throughput through the router of the embedded system
 * (six subgraphs, in-process bus, SQLite), for a read served by one subgraph, a read fanned out
 * to four, and a write that records and publishes an event before answering.
 *
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) tune each run.
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const ADMIN = { email: 'bench@library.test', password: 'benchmark password' };
const BOOKS = 200;
const PORT = Number(process.env['BENCH_PORT'] ?? 4090);

async function main() {
  const dir = tempDir('shelfmark-bench-');
  // The system runs as its own process, exactly as `npm start` runs it, so the load generator
  // here does not share its event loop.
  const shelfmark = await launch({
    SHELFMARK_DATA_DIR: dir.path,
    PORT: String(PORT),
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    SHELFMARK_ADMIN_EMAIL: ADMIN.email,
    SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
  });
  try {
    const request = graphqlClient(shelfmark.url);
    const login = await request<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: ADMIN.email, p: ADMIN.password },
    );
    const token = login.data!.login.token;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

    // A catalogue of BOOKS titles with three copies each.
    const ids: string[] = [];
    for (let i = 0; i < BOOKS; i += 1) {
      const added = await request<{ addBook: { id: string } }>(
        'mutation($i: AddBookInput!) { addBook(input: $i) { id } }',
        {
          i: {
            isbn: isbn(i),
            title: `Benchmark Book ${i}`,
            authors: [`Author ${i % 17}`],
            subjects: [`subject ${i % 5}`],
          },
        },
        { token },
      );
      if (added.errors) throw new Error(JSON.stringify(added.errors));
      ids.push(added.data!.addBook.id);
      await request(
        'mutation($b: ID!) { addCopies(bookId: $b, count: 3) { id } }',
        { b: added.data!.addBook.id },
        { token },
      );
    }

    const pageQuery = {
      query:
        'query($id: ID!) { book(id: $id) { title availability { total available } rating { average count } borrowCount } }',
      variables: { id: ids[0] },
    };
    const sanity = await request(pageQuery.query, pageQuery.variables);
    if (sanity.errors) throw new Error(`the book page query fails: ${JSON.stringify(sanity.errors)}`);

    console.log(
      `Shelfmark router benchmark — embedded (npm start) in its own process, ${SECONDS} s per run, ${CONNECTIONS} connections`,
    );
    console.log(`machine: ${await machine()}\n`);
    const base = {
      url: shelfmark.url,
      method: 'POST' as const,
      headers,
      duration: SECONDS,
      connections: CONNECTIONS,
    };

    print(
      await load('books(search) — catalogue only', {
        ...base,
        body: JSON.stringify({
          query: '{ books(search: "author 3", first: 10) { totalCount edges { node { title } } } }',
        }),
      }),
    );
    print(await load('book page — catalogue + 3 subgraphs', { ...base, body: JSON.stringify(pageQuery) }));

    let next = BOOKS;
    const before = await request<{ books: { totalCount: number } }>('{ books { totalCount } }');
    const writes = await load('addBook — write + outbox + publish', {
      ...base,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              query: 'mutation($i: AddBookInput!) { addBook(input: $i) { id } }',
              variables: { i: { isbn: isbn(next++), title: `Load ${next}`, authors: ['Bench'] } },
            }),
          }),
        },
      ],
    });
    print(writes);
    const after = await request<{ books: { totalCount: number } }>('{ books { totalCount } }');
    const added = after.data!.books.totalCount - before.data!.books.totalCount;
    // Requests still in flight when a run stops complete on the server after it: one per connection at most.
    const complete = added >= writes.total && added <= writes.total + CONNECTIONS;
    console.log(
      `\naddBook: ${added} books added for ${writes.total} answered requests (+ at most ${CONNECTIONS} in flight): ${complete ? 'ok' : 'MISMATCH'}`,
    );
    if (!complete) process.exitCode = 1;
  } finally {
    await shelfmark.close();
    dir.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
