import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Starts `packages/launcher/src/main.ts` as a child process and waits for its endpoint. */
export async function launch(env: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the system under load.
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, '-r', '@swc-node/register', 'packages/launcher/src/main.ts'],
    {
      cwd: join(__dirname, '..', '..'),
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 600 && !/Shelfmark is running/.test(output); i += 1) {
    if (child.exitCode !== null) throw new Error(`Shelfmark did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = /Shelfmark is running \(\d+ ms\): (\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`Shelfmark did not start:\n${output}`);
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

/** A valid ISBN-13 for a number: 978 + 9 digits + check digit. */
export function isbn(n: number): string {
  const body = `978${String(n).padStart(9, '0')}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}
