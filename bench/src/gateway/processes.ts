import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** Messages between bench:gateway and its child processes (the subgraphs, each gateway). */
export type ToParent =
  | {
      readonly kind: 'subgraphs';
      readonly urls: Readonly<Record<string, string>>;
      readonly supergraphSdl: string;
    }
  | { readonly kind: 'ready'; readonly url: string }
  | { readonly kind: 'cpu'; readonly cpuMs: number; readonly rssBytes: number };

export type ToChild =
  | {
      readonly kind: 'start';
      readonly supergraphSdl: string;
      readonly subgraphUrls: Readonly<Record<string, string>>;
      readonly publicKeyPem: string;
    }
  | { readonly kind: 'cpu' }
  | { readonly kind: 'close' };

/** What each gateway child runs. `root` is the checkout whose router/src a Shelfmark child loads. */
export type GatewayKind = { readonly kind: 'shelfmark'; readonly root: string } | { readonly kind: 'apollo' };

export interface Child {
  readonly pid: number;
  /** The process's own user + system CPU time so far, in ms. */
  cpuMs(): Promise<number>;
  request(message: ToChild): void;
  next(kind: ToParent['kind']): Promise<ToParent>;
  close(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Forks one of this folder's entry points with `-r @swc-node/register` and BENCH_NODE_ARGS (e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof"), its output kept to explain a failure.
 */
export function forkChild(entry: string, args: readonly string[], nodeArgs: readonly string[] = []): Child {
  const child: ChildProcess = fork(join(__dirname, entry), [...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production' },
    execArgv: [...nodeArgs, '-r', '@swc-node/register'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = (kind: ToParent['kind']) =>
    new Promise<ToParent>((resolve, reject) => {
      const failed = () => reject(new Error(`${entry} ${args.join(' ')} stopped:\n${output}`));
      const onMessage = (message: ToParent) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', failed);
        resolve(message);
      };
      child.once('exit', failed);
      child.on('message', onMessage);
    });
  return {
    pid: child.pid!,
    request: (message) => child.send(message),
    next,
    cpuMs: async () => {
      const answer = next('cpu');
      child.send({ kind: 'cpu' } satisfies ToChild);
      return ((await answer) as Extract<ToParent, { kind: 'cpu' }>).cpuMs;
    },
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ kind: 'close' } satisfies ToChild);
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Answers the parent's CPU question with this process's own CPU time, and closes when told to. */
export function serveParent(
  close: () => Promise<void>,
  onMessage: (message: ToChild) => void = () => {},
): void {
  let closing: Promise<void> | undefined;
  const stop = () => {
    closing ??= close().finally(() => process.exit(0));
    return closing;
  };
  process.on('message', (message: ToChild) => {
    if (message.kind === 'cpu') {
      const usage = process.cpuUsage();
      process.send?.({
        kind: 'cpu',
        cpuMs: (usage.user + usage.system) / 1000,
        rssBytes: process.memoryUsage.rss(),
      } satisfies ToParent);
    } else if (message.kind === 'close') void stop();
    else onMessage(message);
  });
  process.on('disconnect', () => void stop());
}
