import 'reflect-metadata';
import { graphqlClient, isbnFor, tempDir, type GraphQLResponse } from '@shelfmark/testing';
import type { FormattedExecutionResult } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { machine, percentile } from './report';
import { clusterRouterStats, launchEmbedded, type SystemStats } from './system';

/**
 * `npm run bench:subscriptions`: federated subscriptions through the router
 * (docs/adr/0013-federated-subscriptions.md).
 *
 * 1. Latency: from the start of a `borrowBooks` (and of the `returnLoan` after it) until a
 *    `bookStatusChanged { title availability { available } }` subscriber has the change — over
 *    graphql-ws and graphql-sse side by side (both subscribed at once, so one shared execution
 *    serves both), then, next to them, an HTTP client polling `book(id)` every BENCH_POLL_MS.
 *    On the embedded system and on the cluster (seven processes, Kafka, MongoDB). A transport that
 *    gets no message within BENCH_NO_MESSAGE_MS says so and is left out instead of hanging.
 * 2. Fan-out: 1,000 and 10,000 graphql-ws subscribers of one book, then of one ranking, and one
 *    borrow: when each subscriber had its message, how many update queries the router ran, and
 *    the CPU and memory of the process that runs the router (embedded: the whole system, in a
 *    process of its own, so the clients here are not counted; cluster, on request: the router's
 *    own process).
 *
 * BENCH_TOPOLOGY (embedded|cluster|both, default both), BENCH_BORROWS (measured borrow and return
 * cycles per row; default 100 embedded, 50 on the slower cluster), BENCH_POLL_MS (default 100), BENCH_FANOUT (subscriber counts,
 * default 1000,10000; empty for none), BENCH_CLUSTER_FANOUT (the same on the cluster, where the
 * router has a process of its own; default none), BENCH_NO_MESSAGE_MS (default 10000).
 */
const TOPOLOGY = process.env['BENCH_TOPOLOGY'] ?? 'both';
/** Measured cycles per row: on this 2-core machine a cluster cycle takes ~4 times an embedded one. */
const BORROWS = {
  embedded: Number(process.env['BENCH_BORROWS'] ?? 100),
  cluster: Number(process.env['BENCH_BORROWS'] ?? 50),
};
const WARM_UP = 3;
const POLL_MS = Number(process.env['BENCH_POLL_MS'] ?? 100);
const FAN_OUT = (process.env['BENCH_FANOUT'] ?? '1000,10000')
  .split(',')
  .filter(Boolean)
  .map((count) => Number(count));
/** Off by default: the cluster's router has its own process, but the run takes longer. */
const CLUSTER_FAN_OUT = (process.env['BENCH_CLUSTER_FANOUT'] ?? '')
  .split(',')
  .filter(Boolean)
  .map((count) => Number(count));
const NO_MESSAGE_MS = Number(process.env['BENCH_NO_MESSAGE_MS'] ?? 10_000);
/** A ceiling per expected message once a transport has shown it delivers: a lost one is counted. */
const LOST_AFTER_MS = 10_000;
const ADMIN = { email: 'bench@library.test', password: 'benchmark password' };

/**
 * The router's default bounds (router/src/subscriptions/settings.ts): 20 subscriptions per
 * WebSocket and 100 connections per client address. The fan-out keeps to both, as real clients
 * behind many addresses would: 20 subscriptions per connection, 100 connections per loopback
 * source address (127.0.x.y; the whole of 127/8 is this machine on Linux).
 */
const SUBSCRIPTIONS_PER_CONNECTION = 20;
const CONNECTIONS_PER_ADDRESS = 100;

const WATCH_BOOK = `subscription Watch($id: ID!) {
  bookStatusChanged(bookId: $id) { title availability { available } }
}`;
const POLL_BOOK = `query Poll($id: ID!) { book(id: $id) { title availability { available } } }`;
const WATCH_RANKING = `subscription Board($subject: String!) {
  rankingChanged(window: ALL_TIME, subject: $subject, first: 10) { rank borrowCount book { id title } }
}`;

interface System {
  readonly name: string;
  readonly url: string;
  /** Whose memory and CPU `stats` reports. */
  readonly measured: string;
  /** The figures of the process that runs the router, where they can be read. */
  readonly stats: (() => Promise<SystemStats>) | undefined;
  /** Measured borrow and return cycles per latency row. */
  readonly borrows: number;
  /** Subscriber counts to run the fan-out with. */
  readonly fanOut: readonly number[];
  close(): Promise<void>;
}

const now = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds; false if it still does not after `ceilingMs`. */
async function until(condition: () => boolean | Promise<boolean>, ceilingMs: number, everyMs = 5) {
  const deadline = now() + ceilingMs;
  while (!(await condition())) {
    if (now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

async function main() {
  console.log(
    `Shelfmark subscriptions benchmark — ${BORROWS.embedded} (embedded) / ${BORROWS.cluster} (cluster) ` +
      `borrow + return cycles per row after ${WARM_UP} to warm up, ` +
      `poll every ${POLL_MS} ms, fan-out ${FAN_OUT.join(' / ') || 'off'} (cluster: ${CLUSTER_FAN_OUT.join(' / ') || 'off'})`,
  );
  console.log(
    `machine: ${await machine()}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  if (TOPOLOGY === 'embedded' || TOPOLOGY === 'both') await run(embedded);
  if (TOPOLOGY === 'cluster' || TOPOLOGY === 'both') await run(cluster);
}

async function run(start: (dataDir: string) => Promise<System>) {
  const dir = tempDir('shelfmark-bench-subscriptions-');
  const starting = now();
  const system = await start(dir.path);
  const took = (since: number) => `(${((now() - since) / 1000).toFixed(0)} s)`;
  try {
    console.log(`${system.name}: started ${took(starting)}`);
    const library = await libraryOf(system);
    let since = now();
    await latency(system, library);
    console.log(`  ${took(since)}`);
    if (system.fanOut.length > 0) {
      since = now();
      console.log(
        `\n${system.name}: fan-out — N graphql-ws subscribers (anonymous, one query), one borrowBooks; ` +
          `times from its start; memory and CPU of ${system.measured}`,
      );
      const stats = system.stats;
      if (!stats || (await stats()).subscribers === undefined) {
        console.log('  skipped: the router does not tell how many subscribers it has (/metrics, /proc)');
      } else {
        for (const kind of ['book', 'ranking'] as const) {
          for (const count of system.fanOut) await fanOutOnce(system, stats, library, kind, count);
        }
      }
      console.log(`  ${took(since)}`);
    }
    console.log('');
  } finally {
    await system.close();
    dir.cleanup();
  }
}

async function embedded(dataDir: string): Promise<System> {
  const started = await launchEmbedded({
    SHELFMARK_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: process.env['BENCH_PORT'] ?? '4095',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    SHELFMARK_ADMIN_EMAIL: ADMIN.email,
    SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
  });
  return {
    name: 'embedded',
    url: started.url,
    measured: 'the system process (router, six subgraphs, notifications)',
    stats: () => started.stats(),
    borrows: BORROWS.embedded,
    fanOut: FAN_OUT,
    close: () => started.close(),
  };
}

async function cluster(dataDir: string): Promise<System> {
  const { loadClusterConfig, startCluster } = await import('@shelfmark/launcher/cluster');
  const started = await startCluster(
    loadClusterConfig({
      ...(process.env['KAFKA_BROKERS'] ? { KAFKA_BROKERS: process.env['KAFKA_BROKERS'] } : {}),
      ...(process.env['MONGODB_URL'] ? { MONGODB_URL: process.env['MONGODB_URL'] } : {}),
      PORT: '4600',
      SHELFMARK_SUBGRAPH_PORTS_FROM: '4601',
      SHELFMARK_DATA_DIR: dataDir,
      SHELFMARK_ADMIN_EMAIL: ADMIN.email,
      SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'error',
    }),
    () => undefined,
  );
  return {
    name: 'cluster',
    url: started.url,
    measured: 'the router process',
    stats: clusterRouterStats(started.url.replace(/\/graphql$/, '/metrics')),
    borrows: BORROWS.cluster,
    fanOut: CLUSTER_FAN_OUT,
    close: () => started.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// The library: books, members, borrows and returns through the router's HTTP API.

type Library = Awaited<ReturnType<typeof libraryOf>>;
let isbns = 0;

async function libraryOf(system: System) {
  const request = graphqlClient(system.url);
  const login = await request<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: ADMIN.email, p: ADMIN.password },
  );
  const admin = login.data!.login.token;
  const ok = <T>(response: GraphQLResponse<T>): T => {
    if (response.errors || !response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  return {
    request,
    /** A book with one copy: each borrow takes availability from 1 to 0, each return back to 1. */
    async addBook(title: string, subjects: string[] = []): Promise<string> {
      const added = ok(
        await request<{ addBook: { id: string } }>(
          'mutation($i: AddBookInput!) { addBook(input: $i) { id } }',
          { i: { isbn: isbnFor((isbns += 1)), title, authors: ['Bench'], subjects } },
          { token: admin },
        ),
      );
      // Across processes inventory learns of the book through Kafka: retry until it has.
      for (let attempt = 0; ; attempt += 1) {
        const copies = await request(
          'mutation($b: ID!) { addCopies(bookId: $b, count: 1) { id } }',
          { b: added.addBook.id },
          { token: admin },
        );
        if (!copies.errors) break;
        if (attempt > 100) throw new Error(JSON.stringify(copies.errors));
        await sleep(100);
      }
      return added.addBook.id;
    },
    /** A registered member's token (loans lends only to members it knows). */
    async member(name: string): Promise<string> {
      const registered = ok(
        await request<{ registerMember: { token: string } }>(
          'mutation($i: RegisterMemberInput!) { registerMember(input: $i) { token } }',
          { i: { email: `${name}@bench.test`, password: 'benchmark password', name } },
        ),
      );
      return registered.registerMember.token;
    },
    async borrow(token: string, bookId: string): Promise<string> {
      // Across processes loans learns of a new member through Kafka: retry until it has.
      for (let attempt = 0; ; attempt += 1) {
        const borrowed = await request<{ borrowBooks: { id: string }[] }>(
          'mutation($b: [ID!]!) { borrowBooks(bookIds: $b) { id } }',
          { b: [bookId] },
          { token },
        );
        const unknown = borrowed.errors?.some((e) => e.extensions?.['reason'] === 'MEMBER_UNKNOWN');
        if (!unknown || attempt > 100) return ok(borrowed).borrowBooks[0]!.id;
        await sleep(100);
      }
    },
    async giveBack(token: string, loanId: string): Promise<void> {
      ok(await request('mutation($l: ID!) { returnLoan(loanId: $l) { id } }', { l: loanId }, { token }));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Latency: one book, one copy, borrowed and returned again and again.

/** One client watching the book's availability, and when each value reached it. */
class Observer {
  private readonly sightings: { readonly at: number; readonly available: number | undefined }[] = [];
  readonly errors: unknown[] = [];

  constructor(
    readonly name: string,
    readonly stop: () => void,
  ) {}

  saw(available: number | undefined): void {
    this.sightings.push({ at: now(), available });
  }

  forget(): void {
    this.sightings.length = 0;
  }

  /** When the first message showing `available` arrived (since the last forget()). */
  arrival(available: number): number | undefined {
    return this.sightings.find((s) => s.available === available)?.at;
  }

  get quiet(): boolean {
    return this.sightings.length === 0;
  }
}

type Payload = FormattedExecutionResult<{
  bookStatusChanged?: { availability: { available: number } | null };
}>;

function wsObserver(url: string, bookId: string): Observer {
  const client = createWsClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  const observer: Observer = new Observer('graphql-ws', () => {
    stop();
    void client.dispose();
  });
  const stop = client.subscribe<Payload['data']>(
    { query: WATCH_BOOK, variables: { id: bookId } },
    {
      next: (payload) => observer.saw(payload.data?.bookStatusChanged?.availability?.available),
      error: (error) => observer.errors.push(error),
      complete: () => undefined,
    },
  );
  return observer;
}

function sseObserver(url: string, bookId: string): Observer {
  const client = createSseClient({ url, retryAttempts: 0 });
  const observer: Observer = new Observer('graphql-sse', () => {
    stop();
    client.dispose();
  });
  const stop = client.subscribe<Payload['data']>(
    { query: WATCH_BOOK, variables: { id: bookId } },
    {
      next: (payload) => observer.saw(payload.data?.bookStatusChanged?.availability?.available),
      error: (error) => observer.errors.push(error),
      complete: () => undefined,
    },
  );
  return observer;
}

/** One request at a time, each started POLL_MS after the one before (or at once if that took longer). */
function pollObserver(library: Library, bookId: string): Observer {
  let polling = true;
  const observer = new Observer(`HTTP poll every ${POLL_MS} ms`, () => (polling = false));
  void (async () => {
    while (polling) {
      const started = now();
      try {
        const page = await library.request<{ book: { availability: { available: number } | null } | null }>(
          POLL_BOOK,
          { id: bookId },
        );
        observer.saw(page.data?.book?.availability?.available);
      } catch (error) {
        observer.errors.push(error);
      }
      await sleep(Math.max(0, POLL_MS - (now() - started)));
    }
  })();
  return observer;
}

/** What the observers saw of one kind of change (every borrow, or every return). */
interface Change {
  /** Per observer: ms from each mutation's start until the change reached it. */
  readonly fromStart: Map<Observer, number[]>;
  /** Per observer: ms from each mutation's answer until the change reached it (negative: before). */
  readonly fromAnswer: Map<Observer, number[]>;
  /** Per observer: changes it never got within LOST_AFTER_MS. */
  readonly lost: Map<Observer, number>;
  /** ms until each mutation answered its caller. */
  readonly answered: number[];
}

function changeFor(observers: readonly Observer[]): Change {
  return {
    fromStart: new Map(observers.map((o) => [o, []])),
    fromAnswer: new Map(observers.map((o) => [o, []])),
    lost: new Map(observers.map((o) => [o, 0])),
    answered: [],
  };
}

/**
 * Borrows and returns the book WARM_UP + `count` times; each change is waited for at every
 * observer before the next mutation starts. Observers that got nothing at all in the first
 * warm-up cycle are dropped (and said to be silent).
 */
async function cycles(library: Library, bookId: string, observers: Observer[], label: string, count: number) {
  const token = await library.member(label);
  const borrows = changeFor(observers);
  const returns = changeFor(observers);
  let watching = observers;
  const silent: Observer[] = [];
  const step = async (available: number, mutate: () => Promise<void>, ceilingMs: number) => {
    for (const observer of watching) observer.forget();
    const started = now();
    await mutate();
    const answered = now() - started;
    await until(() => watching.every((o) => o.arrival(available) !== undefined), ceilingMs);
    // Taken now: the next step forgets what the observers saw.
    const arrivals = new Map(watching.map((o) => [o, (o.arrival(available) ?? NaN) - started]));
    return (into: Change) => {
      into.answered.push(answered);
      for (const observer of watching) {
        const ms = arrivals.get(observer) ?? NaN;
        if (Number.isNaN(ms)) into.lost.set(observer, into.lost.get(observer)! + 1);
        else {
          into.fromStart.get(observer)!.push(ms);
          into.fromAnswer.get(observer)!.push(ms - answered);
        }
      }
    };
  };
  for (let i = 0; i < WARM_UP + count; i += 1) {
    const ceiling = i === 0 ? NO_MESSAGE_MS : LOST_AFTER_MS;
    let loanId = '';
    const borrowed = await step(0, async () => void (loanId = await library.borrow(token, bookId)), ceiling);
    const quietAfterBorrow = watching.filter((o) => o.quiet);
    const returned = await step(1, () => library.giveBack(token, loanId), ceiling);
    if (i === 0) {
      // Nothing at all for a borrow and a return: this transport is not fed (or not served).
      for (const observer of quietAfterBorrow.filter((o) => o.quiet)) silent.push(observer);
      watching = watching.filter((o) => !silent.includes(o));
    }
    if (i < WARM_UP) continue;
    borrowed(borrows);
    returned(returns);
  }
  return { borrows, returns, silent };
}

async function latency(system: System, library: Library) {
  console.log(
    `${system.name}: latency — mutation start → bookStatusChanged { title availability { available } } at the client`,
  );
  // graphql-ws and graphql-sse watch the same changes: one shared execution pushes to both.
  const pushed = await library.addBook('Watched by subscribers');
  const subscribers = [wsObserver(system.url, pushed), sseObserver(system.url, pushed)];
  // Let both subscriptions reach the router before the first borrow (embedded: ask it).
  const counted = system.stats && (await system.stats()).subscribers !== undefined;
  if (counted) await until(async () => ((await system.stats!()).subscribers ?? 0) >= 2, 30_000, 50);
  else await sleep(1000);
  const live = await cycles(library, pushed, subscribers, 'push', system.borrows);
  for (const observer of subscribers) observer.stop();
  // The baseline, next to them: the same question asked over HTTP on a timer.
  const polled = await library.addBook('Watched by polling');
  const poller = pollObserver(library, polled);
  const poll = await cycles(library, polled, [poller], 'poll', system.borrows);
  poller.stop();

  for (const [name, pick] of [
    ['borrowBooks', (c: typeof live) => c.borrows],
    ['returnLoan', (c: typeof live) => c.returns],
  ] as const) {
    for (const run of [live, poll]) {
      const change = pick(run);
      // Each phase's own answers: the from-start figures include them, and they differ by phase.
      printRow(`  ${name} answered (this phase)`, change.answered);
      for (const [observer, samples] of change.fromStart) {
        const label = `  ${name} → ${observer.name}`;
        if (run.silent.includes(observer)) {
          console.log(
            `${label.padEnd(40)}  no message within ${NO_MESSAGE_MS / 1000} s of a borrow and a return` +
              `${observer.errors.length ? ` (error: ${describe(observer.errors[0])})` : ''} — left out`,
          );
        } else {
          printRow(label, samples, change.fromAnswer.get(observer), change.lost.get(observer));
        }
      }
    }
  }
}

function printRow(label: string, samples: number[], fromAnswer?: number[], lost = 0) {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
  const afterAnswer = fromAnswer ? [...fromAnswer].sort((a, b) => a - b) : undefined;
  console.log(
    [
      label.padEnd(40),
      `p50 ${ms(percentile(sorted, 0.5))}`,
      `p95 ${ms(percentile(sorted, 0.95))}`,
      `p99 ${ms(percentile(sorted, 0.99))}`,
      `max ${ms(sorted.at(-1) ?? NaN)}`,
      `n=${sorted.length}`.padEnd(5),
      ...(afterAnswer
        ? [
            `after the answer: p50 ${ms(percentile(afterAnswer, 0.5))} p95 ${ms(percentile(afterAnswer, 0.95))}`,
          ]
        : []),
      ...(lost > 0 ? [`LOST=${lost}`] : []),
    ].join('  '),
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return JSON.stringify(error);
  if (error && typeof error === 'object' && 'code' in error) {
    return `close ${String(error.code)} ${'reason' in error ? String(error.reason) : ''}`.trim();
  }
  return String(error);
}

// ---------------------------------------------------------------------------------------------
// Fan-out: many subscribers of one thing, one change.

let addressBlock = 0;

/** A `ws` WebSocket whose connections leave from the given local address. */
function webSocketFrom(localAddress: string) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { localAddress });
    }
  };
}

async function fanOutOnce(
  system: System,
  stats: () => Promise<SystemStats>,
  library: Library,
  kind: 'book' | 'ranking',
  count: number,
) {
  const subject = `fan-out ${kind} ${count}`;
  const bookId = await library.addBook(`Watched by ${count}`, [subject]);
  const member = await library.member(`fan-out-${kind}-${count}`);
  const query =
    kind === 'book'
      ? { query: WATCH_BOOK, variables: { id: bookId } }
      : { query: WATCH_RANKING, variables: { subject } };
  const port = new URL(system.url).port;
  const block = (addressBlock += 1);
  const arrivals = new Float64Array(count).fill(NaN);
  let delivered = 0;
  const errors: unknown[] = [];
  const clients: Client[] = [];

  const before = await stats();
  const subscribing = now();
  for (let i = 0; i < count; i += 1) {
    const connection = Math.floor(i / SUBSCRIPTIONS_PER_CONNECTION);
    if (i % SUBSCRIPTIONS_PER_CONNECTION === 0) {
      const address = `127.0.${block}.${1 + Math.floor(connection / CONNECTIONS_PER_ADDRESS)}`;
      clients.push(
        createWsClient({
          url: `ws://127.0.0.1:${port}/graphql`,
          webSocketImpl: webSocketFrom(address),
          retryAttempts: 0,
        }),
      );
    }
    clients[connection]!.subscribe(query, {
      next: () => {
        if (!Number.isNaN(arrivals[i]!)) return;
        arrivals[i] = now();
        delivered += 1;
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    });
  }
  const allSubscribed = await until(
    async () => errors.length > 0 || ((await stats()).subscribers ?? 0) >= count,
    180_000,
    100,
  );
  const subscribeMs = now() - subscribing;
  const ready = await stats();
  const label = `  ${kind === 'book' ? 'bookStatusChanged' : 'rankingChanged'} × ${count.toLocaleString('en')}`;
  if (!allSubscribed || errors.length > 0) {
    console.log(
      `${label}: only ${ready.subscribers} subscribed after ${(subscribeMs / 1000).toFixed(1)} s` +
        `${errors.length ? `, ${errors.length} refused (${describe(errors[0])})` : ''} — skipped`,
    );
    process.exitCode = 1;
  } else {
    const clientCpu = process.cpuUsage();
    const started = now();
    await library.borrow(member, bookId);
    const answeredMs = now() - started;
    await until(() => delivered === count || errors.length > 0, 60_000, 5);
    const done = await stats();
    const clientCpuMs = (({ user, system: kernel }) => (user + kernel) / 1000)(process.cpuUsage(clientCpu));
    // A ranking is looked at once more after a burst settles (1 s): count that run too.
    if (kind === 'ranking') await sleep(1_500);
    const settled = await stats();
    const latencies = Array.from(arrivals, (at) => at - started)
      .filter((ms) => !Number.isNaN(ms))
      .sort((a, b) => a - b);
    const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(
      [
        `${label.padEnd(26)} delivered ${delivered}/${count}`,
        `first ${ms(latencies[0] ?? NaN)}`,
        `p50 ${ms(percentile(latencies, 0.5))}`,
        `p95 ${ms(percentile(latencies, 0.95))}`,
        `max ${ms(latencies.at(-1) ?? NaN)}`,
        `(borrow answered in ${ms(answeredMs)})`,
      ].join('  '),
    );
    const runs =
      settled.runs === undefined || ready.runs === undefined ? 'not published' : settled.runs - ready.runs;
    console.log(
      [
        `${''.padEnd(26)} update queries ${runs} (shared executions ${ready.executions ?? '?'})`,
        `CPU for the push ${ms(done.cpuMs - ready.cpuMs)} (the clients here: ${ms(clientCpuMs)})`,
        `RSS ${mib(before.rssBytes)} → ${mib(ready.rssBytes)} with the subscribers (peak ${mib(done.maxRssBytes)})`,
        `subscribing ${(subscribeMs / 1000).toFixed(1)} s, CPU ${ms(ready.cpuMs - before.cpuMs)}, ${clients.length} connections`,
      ].join('  ·  '),
    );
    if (delivered < count || errors.length > 0) process.exitCode = 1;
  }
  await Promise.all(clients.map(async (client) => client.dispose()));
  await until(async () => (await stats()).subscribers === 0, 60_000, 100);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
