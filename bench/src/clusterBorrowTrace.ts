import 'reflect-metadata';
import { graphqlClient, isbnFor as isbn, otlpReceiver, tempDir, type ReceivedSpan } from '@shelfmark/testing';
import { loadavg } from 'node:os';

/**
 * Where one one-client `borrowBooks` spends its time in the cluster shape: starts the cluster with
 * its processes exporting traces (OTLP/HTTP) to a receiver here, borrows one book BORROWS times,
 * one after the other, and prints per span name (with its process) how many spans one borrow has
 * and their median and p95 durations — the router's call, each subgraph's HTTP server and client
 * spans, every MongoDB command, every Kafka send. Tracing costs time itself: read it for the
 * shape (hops, statements, waits), take the latency from `BENCH_TOPOLOGY=cluster npm run bench:borrow`.
 *
 *   node -r @swc-node/register bench/src/clusterBorrowTrace.ts   (BORROWS, default 40)
 */
const BORROWS = Number(process.env['BORROWS'] ?? 40);
const ADMIN = { email: 'trace@library.test', password: 'benchmark password' };
const BORROW = 'mutation($b: [ID!]!) { borrowBooks(bookIds: $b) { id dueAt } }';

/** A span as this report shows it: the service without its `shelfmark-`, an HTTP span's end named. */
interface Span {
  service: string;
  traceId: string;
  parentSpanId: string | undefined;
  name: string;
  start: number;
  end: number;
}

const shown = (span: ReceivedSpan): Span => ({
  service: span.service.replace(/^shelfmark-/, ''),
  traceId: span.traceId,
  parentSpanId: span.parentSpanId,
  // OTLP SpanKind 2 and 3: the two ends of one HTTP call.
  name: span.kind === 2 ? `${span.name} (server)` : span.kind === 3 ? `${span.name} (client)` : span.name,
  start: span.startMs,
  end: span.endMs,
});

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

async function main() {
  const otlp = await otlpReceiver();
  process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = otlp.url;
  process.env['OTEL_BSP_SCHEDULE_DELAY'] = '200';
  const dir = tempDir('shelfmark-trace-');
  const { loadClusterConfig, startCluster } = await import('@shelfmark/launcher/cluster');
  const cluster = await startCluster(
    loadClusterConfig({
      ...(process.env['KAFKA_BROKERS'] ? { KAFKA_BROKERS: process.env['KAFKA_BROKERS'] } : {}),
      ...(process.env['MONGODB_URL'] ? { MONGODB_URL: process.env['MONGODB_URL'] } : {}),
      SHELFMARK_DATABASE_PREFIX: `trace-${Date.now()}`,
      PORT: '4700',
      SHELFMARK_SUBGRAPH_PORTS_FROM: '4701',
      SHELFMARK_DATA_DIR: dir.path,
      SHELFMARK_ADMIN_EMAIL: ADMIN.email,
      SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'error',
    }),
    () => undefined,
  );
  try {
    const request = graphqlClient(cluster.url);
    const login = await request<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: ADMIN.email, p: ADMIN.password },
    );
    const admin = login.data!.login.token;
    const added = await request<{ addBook: { id: string } }>(
      'mutation($i: AddBookInput!) { addBook(input: $i) { id } }',
      { i: { isbn: isbn(Date.now() % 100000), title: 'Traced', authors: ['Bench'] } },
      { token: admin },
    );
    const bookId = added.data!.addBook.id;
    for (let attempt = 0; ; attempt += 1) {
      const copies = await request(
        'mutation($b: ID!, $n: Int!) { addCopies(bookId: $b, count: $n) { id } }',
        { b: bookId, n: BORROWS + 5 },
        { token: admin },
      );
      if (!copies.errors) break;
      if (attempt > 100) throw new Error(JSON.stringify(copies.errors));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Loans' limit (5 loans a member) is not lifted here: a member for every four borrows.
    const tokens: string[] = [];
    for (let i = 0; i < Math.ceil((BORROWS + 1) / 4); i += 1) {
      const member = await request<{ registerMember: { token: string } }>(
        'mutation($i: RegisterMemberInput!) { registerMember(input: $i) { token } }',
        {
          i: { email: `trace-${Date.now()}-${i}@bench.test`, password: 'benchmark password', name: 'Trace' },
        },
      );
      tokens.push(member.data!.registerMember.token);
    }
    // Loans learns of a member through Kafka: a first borrow may be refused until it has.
    for (let attempt = 0; ; attempt += 1) {
      const first = await request(BORROW, { b: [bookId] }, { token: tokens[tokens.length - 1]! });
      if (!first.errors) break;
      if (attempt > 100) throw new Error(JSON.stringify(first.errors));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = new Set(otlp.spans.map((s) => s.traceId));
    const latencies: number[] = [];
    for (let i = 0; i < BORROWS; i += 1) {
      const started = performance.now();
      const answer = await request(BORROW, { b: [bookId] }, { token: tokens[Math.floor(i / 4)]! });
      latencies.push(performance.now() - started);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
    console.log(
      `${BORROWS} one-book borrows, one after the other (load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ' ',
        )}): client p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms (traced)\n`,
    );
    // The borrows' traces: those rooted at the router's POST with a loans server span in them.
    const byTrace = new Map<string, Span[]>();
    for (const span of otlp.spans.map(shown)) {
      if (before.has(span.traceId)) continue;
      byTrace.set(span.traceId, [...(byTrace.get(span.traceId) ?? []), span]);
    }
    const borrows = [...byTrace.values()].filter(
      (spans) =>
        spans.some((s) => s.service === 'router' && !s.parentSpanId) &&
        spans.some((s) => s.service === 'loans'),
    );
    const rows = new Map<string, { count: number; durations: number[] }>();
    let requestPath = 0;
    for (const spans of borrows) {
      const root = spans.find((s) => s.service === 'router' && !s.parentSpanId)!;
      for (const span of spans) {
        // Only what happens before the router answers: consumers and the relay's later work are apart.
        const key = `${span.end <= root.end + 0.5 ? '' : '(after the answer) '}${span.service}: ${span.name}`;
        const row = rows.get(key) ?? { count: 0, durations: [] };
        row.count += 1;
        row.durations.push(span.end - span.start);
        rows.set(key, row);
        if (span.end <= root.end + 0.5) requestPath += 1;
      }
    }
    console.log(
      `${borrows.length} borrow traces; ${(requestPath / borrows.length).toFixed(1)} spans before the answer`,
    );
    console.log('per borrow: count, median ms, p95 ms, span');
    for (const [key, row] of [...rows.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      console.log(
        `${(row.count / borrows.length).toFixed(1).padStart(5)} ${quantile(row.durations, 0.5)
          .toFixed(1)
          .padStart(7)} ${quantile(row.durations, 0.95).toFixed(1).padStart(7)}  ${key}`,
      );
    }
  } finally {
    await cluster.close();
    otlp.close();
    dir.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
