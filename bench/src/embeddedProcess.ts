import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import type * as Launcher from '@shelfmark/launcher';
import type { SystemStats } from './system';

/**
 * The embedded system (`npm start`) as a child process of a benchmark, answering over IPC with its
 * own figures: the router's subscription counts (which only the process itself can see) and the
 * process's memory and CPU, so a benchmark's clients are not counted in them. Started by
 * `launchEmbedded` in system.ts; it stops when told to, or when the benchmark goes away.
 *
 * BENCH_LAUNCHER_ROOT runs another checkout's system (a baseline revision's worktree, see
 * revision.ts) instead of this one's. Either way every SQL statement SQLite runs is counted (a hook
 * on libsql's statements, below the ORM, so both revisions are counted alike) and reported with
 * the stats.
 */

export type ToParent =
  | { readonly kind: 'ready'; readonly url: string }
  | { readonly kind: 'stats'; readonly stats: SystemStats }
  | { readonly kind: 'profiled' };
export type ToChild =
  | { readonly kind: 'stats' }
  | { readonly kind: 'profile'; readonly on: boolean }
  | { readonly kind: 'close' };

/** Counts statements SQLite executes: every run/get/all/iterate of a prepared statement, and exec. */
function countStatements(root: string): () => number {
  let count = 0;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require(
    require.resolve('libsql', { paths: [join(root, 'packages', 'subgraph-kit')] }),
  ) as {
    new (path: string): { prepare(sql: string): object; exec(sql: string): void; close(): void };
    prototype: {
      exec: (this: unknown, sql: string) => void;
      prepare: (this: unknown, sql: string) => object;
    };
  };
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
  probe.close();
  // One execution is one count: libsql's `all` runs through `iterate`, so nested calls are not counted.
  let depth = 0;
  const counted = <A extends unknown[], R>(original: (this: unknown, ...args: A) => R) =>
    function (this: unknown, ...args: A): R {
      if (depth === 0) count += 1;
      depth += 1;
      try {
        return original.apply(this, args);
      } finally {
        depth -= 1;
      }
    };
  for (const method of ['run', 'get', 'all', 'iterate']) {
    statement[method] = counted(statement[method] as (...args: unknown[]) => unknown);
  }
  Database.prototype.exec = counted(Database.prototype.exec);
  if (process.env['BENCH_SQL_PROFILE']) timeStatements(Database, statement, process.env['BENCH_SQL_PROFILE']);
  return () => count;
}

/**
 * BENCH_SQL_PROFILE=<file>: the time SQLite spends in each statement (by its SQL text: calls, total
 * and mean ms), written to that file as JSON, slowest first, when the system stops.
 */
function timeStatements(
  Database: { prototype: { prepare: (this: unknown, sql: string) => object } },
  statement: Record<string, unknown>,
  file: string,
) {
  const bySql = new Map<string, { calls: number; ms: number }>();
  const sqlOf = new WeakMap<object, string>();
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: unknown, sql: string) {
    const prepared = prepare.call(this, sql);
    sqlOf.set(prepared, sql);
    return prepared;
  };
  for (const method of ['run', 'get', 'all']) {
    const original = statement[method] as (this: object, ...args: unknown[]) => unknown;
    statement[method] = function (this: object, ...args: unknown[]) {
      const start = process.hrtime.bigint();
      try {
        return original.apply(this, args);
      } finally {
        const sql = sqlOf.get(this) ?? '?';
        const entry = bySql.get(sql) ?? { calls: 0, ms: 0 };
        entry.calls += 1;
        entry.ms += Number(process.hrtime.bigint() - start) / 1e6;
        bySql.set(sql, entry);
      }
    };
  }
  process.on('exit', () => {
    const rows = [...bySql].map(([sql, e]) => ({ sql, calls: e.calls, ms: e.ms, meanMs: e.ms / e.calls }));
    writeFileSync(
      file,
      JSON.stringify(
        rows.sort((a, b) => b.ms - a.ms),
        null,
        1,
      ),
    );
  });
}

/**
 * BENCH_CPU_PROFILE=<dir>: a V8 CPU profile of the rows alone (the benchmark turns it on after
 * seeding and off after its last row), written to `<dir>/<pid>.cpuprofile` for Chrome DevTools.
 */
function loadProfiler(dir: string | undefined): (on: boolean) => Promise<void> {
  const session = new Session();
  return async (on) => {
    if (!dir) return;
    if (on) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      return;
    }
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

async function main() {
  const send = (message: ToParent) => process.send?.(message);
  const root = process.env['BENCH_LAUNCHER_ROOT'] ?? join(__dirname, '..', '..');
  const statements = countStatements(root);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadConfig, startEmbedded } = require(join(root, 'packages', 'launcher', 'src')) as typeof Launcher;
  const shelfmark = await startEmbedded(loadConfig(process.env));
  const profile = loadProfiler(process.env['BENCH_CPU_PROFILE']);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= shelfmark.close().finally(() => process.exit(0));
    return closing;
  };
  process.on('message', (message: ToChild) => {
    switch (message.kind) {
      case 'stats': {
        const usage = process.resourceUsage();
        const hub = shelfmark.router.subscriptions;
        send({
          kind: 'stats',
          stats: {
            rssBytes: process.memoryUsage.rss(),
            maxRssBytes: usage.maxRSS * 1024,
            cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
            subscribers: hub.subscriberCount,
            executions: hub.executionCount,
            runs: hub.runs,
            statements: statements(),
          },
        });
        return;
      }
      case 'profile':
        void profile(message.on).then(() => send({ kind: 'profiled' }));
        return;
      case 'close':
        void close();
        return;
    }
  });
  process.on('disconnect', () => void close());
  send({ kind: 'ready', url: shelfmark.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
