import { endpointOf, exitOf, spawnShelfmark } from '@shelfmark/testing';
import { execFileSync, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ToChild, ToParent } from './embeddedProcess';

const ROOT = join(__dirname, '..', '..');

/** Starts `npm start` as a child process (off the load generator's event loop) and waits for it. */
export async function launch(env: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the system under load.
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const started = spawnShelfmark(env, nodeArgs);
  const url = await endpointOf(started);
  return {
    url,
    close: async () => {
      started.child.kill('SIGINT');
      await exitOf(started, 30_000);
    },
  };
}

/** What a system process (or the router's, in the cluster) costs, and what its router serves. */
export interface SystemStats {
  /** Resident set size now, in bytes. */
  readonly rssBytes: number;
  /** The largest resident set size so far, in bytes. */
  readonly maxRssBytes: number;
  /** User plus system CPU time since the process started, in milliseconds. */
  readonly cpuMs: number;
  /** Live subscribers over every transport; undefined where the router does not tell. */
  readonly subscribers: number | undefined;
  /** The shared executions serving them (one per distinct query, variables and identity). */
  readonly executions: number | undefined;
  /** Update queries the router has run since it started (one per change per shared execution). */
  readonly runs: number | undefined;
  /** SQL statements SQLite has executed since the process started (embedded only). */
  readonly statements?: number | undefined;
}

/** The embedded system in a child process that reports its own memory, CPU and subscription counts. */
export interface EmbeddedSystem {
  readonly url: string;
  readonly pid: number;
  stats(): Promise<SystemStats>;
  /** Starts or stops (and writes) the CPU profile BENCH_CPU_PROFILE asks for; nothing without it. */
  profile(on: boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * Forks embeddedProcess.ts (the launcher's `startEmbedded`, as `npm start` runs it, from `root` when
 * given) with only PATH and `env`, and waits until its router listens. Its output is kept to explain a failed start.
 */
export async function launchEmbedded(
  env: Record<string, string>,
  /** Another checkout to run the system of (a baseline revision's worktree); this one by default. */
  root?: string,
): Promise<EmbeddedSystem> {
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = fork(join(__dirname, 'embeddedProcess.ts'), [], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      ...env,
      ...(root ? { BENCH_LAUNCHER_ROOT: root } : {}),
      ...(process.env['BENCH_CPU_PROFILE'] ? { BENCH_CPU_PROFILE: process.env['BENCH_CPU_PROFILE'] } : {}),
    },
    execArgv: [...nodeArgs, '-r', '@swc-node/register'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waiting: ((stats: SystemStats) => void)[] = [];
  const profiled: (() => void)[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const failed = () => reject(new Error(`The embedded system did not start:\n${output}`));
    child.once('exit', failed);
    child.on('message', (message: ToParent) => {
      if (message.kind === 'ready') {
        child.off('exit', failed);
        resolve(message.url);
      } else if (message.kind === 'stats') waiting.shift()?.(message.stats);
      else profiled.shift()?.();
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    stats: () =>
      new Promise<SystemStats>((resolve, reject) => {
        if (!child.connected) return reject(new Error(`The embedded system has stopped:\n${output}`));
        waiting.push(resolve);
        child.send({ kind: 'stats' } satisfies ToChild);
      }),
    profile: (on) =>
      new Promise<void>((resolve, reject) => {
        if (!child.connected) return reject(new Error(`The embedded system has stopped:\n${output}`));
        profiled.push(resolve);
        child.send({ kind: 'profile', on } satisfies ToChild);
      }),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ kind: 'close' } satisfies ToChild);
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * The cluster's router process, found among this process's children by its entry point (Linux:
 * /proc), its memory and CPU from /proc, its subscription counts from its /metrics (the
 * `shelfmark_subscribers` and `shelfmark_subscription_executions` gauges, where it has them;
 * update runs are not published there). Undefined where there is no /proc.
 */
export function clusterRouterStats(metricsUrl: string): (() => Promise<SystemStats>) | undefined {
  const pid = childProcessRunning('routerProcess.ts');
  if (pid === undefined) return undefined;
  const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return async () => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    // Fields after the command's closing parenthesis: state is the 3rd, utime the 14th, stime the 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const metrics = await fetch(metricsUrl)
      .then((response) => response.text())
      .catch(() => '');
    const gauge = (name: string) => {
      const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(metrics);
      return match ? Number(match[1]) : undefined;
    };
    return {
      rssBytes: kib('VmRSS'),
      maxRssBytes: kib('VmHWM'),
      cpuMs: (ticks / ticksPerSecond) * 1000,
      subscribers: gauge('shelfmark_subscribers'),
      executions: gauge('shelfmark_subscription_executions'),
      runs: undefined,
    };
  };
}

/** The pid of a child of this process whose command line names `entry`, if there is /proc and one. */
function childProcessRunning(entry: string): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.split(') ')[1]?.split(' ')[1]);
      if (parent !== process.pid) continue;
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(entry)) return Number(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
}
