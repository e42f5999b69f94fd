import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** `npm start` (the embedded launcher) as a child process, with everything it printed so far. */
export interface ShelfmarkProcess {
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
}

/**
 * Runs the launcher as `npm start` does, in a process of its own: outside jest's NODE_ENV=test,
 * killable for real (crash drills), and off the caller's event loop (benchmarks). Only PATH and
 * `env` reach it. `nodeArgs` go before the script (e.g. `--cpu-prof`).
 *
 * The demo library stays out (SHELFMARK_DEMO=false): tests and benchmarks count what they add. A
 * test of the demo passes `SHELFMARK_DEMO: undefined` to start as `npm start` does with it unset.
 */
export function spawnShelfmark(
  env: Record<string, string | undefined>,
  nodeArgs: readonly string[] = [],
): ShelfmarkProcess {
  const given = { PATH: process.env['PATH'] ?? '', SHELFMARK_DEMO: 'false', ...env };
  const child = spawn(
    process.execPath,
    [...nodeArgs, '-r', '@swc-node/register', 'packages/launcher/src/main.ts'],
    {
      cwd: ROOT,
      env: Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  running.add(child);
  child.once('exit', () => running.delete(child));
  return { child, output: () => output };
}

/** Launchers not yet exited, whoever started them. */
const running = new Set<ChildProcessWithoutNullStreams>();

/**
 * Kills (SIGKILL) every launcher still running and waits for each to exit. A test that fails before
 * stopping its launcher would otherwise leave a process holding the test run open; the jest set-up
 * (`jest/stopLaunchers.ts`) calls this after each test file.
 */
export async function killLaunchers(): Promise<number> {
  const left = [...running];
  await Promise.all(
    left.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          if (!child.kill('SIGKILL') && child.exitCode !== null) resolve();
        }),
    ),
  );
  return left.length;
}

/**
 * The router's endpoint once the launcher has printed its banner (all of it: callers read the
 * sign-ins and paths it lists); fails with its output if the process exits first, or never prints
 * it (the ceiling is far above a start-up on a loaded machine).
 */
export async function endpointOf(started: ShelfmarkProcess, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Shelfmark is running \(\d+ ms\): (\S+)[\s\S]*Press Ctrl-C to stop\./.exec(
      started.output(),
    );
    if (match?.[1]) return match[1];
    if (started.child.exitCode !== null || started.child.signalCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The launcher did not start:\n${started.output()}`);
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * How the process ended; if it is still running `timeoutMs` later (a hang, not a slow stop: the
 * ceiling is generous), it is killed and this fails.
 */
export function exitOf(started: ShelfmarkProcess, timeoutMs = 60_000): Promise<Exit> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The launcher was still running ${timeoutMs} ms later`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/** A valid ISBN-13 for a number: 978, the number in nine digits, the check digit. */
export function isbnFor(n: number): string {
  const body = `978${String(n).padStart(9, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}
