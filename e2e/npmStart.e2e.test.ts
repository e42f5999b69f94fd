import { graphqlClient, tempDir } from '@shelfmark/testing';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** Runs the launcher as `npm start` does, outside jest's NODE_ENV=test. */
function launch(env: Record<string, string>): ChildProcessWithoutNullStreams & { output: () => string } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'packages/launcher/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

/** The exit code, or a failure (and a killed child) if it has not exited within `ms`. */
function exited(child: ChildProcessWithoutNullStreams, ms = 10_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The launcher was still running ${ms} ms later`));
    }, ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

async function endpoint(child: ReturnType<typeof launch>): Promise<string> {
  for (let i = 0; i < 600; i += 1) {
    const match = /Shelfmark is running \(\d+ ms\): (\S+)/.exec(child.output());
    if (match?.[1]) return match[1];
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The launcher did not start:\n${child.output()}`);
}

describe('npm start', () => {
  const dir = tempDir('shelfmark-start-');
  afterAll(() => dir.cleanup());

  // Regression: Apollo Server's own SIGINT handler raced the launcher's and the process never exited.
  it('prints its endpoint, serves it, and stops cleanly on Ctrl-C (SIGINT)', async () => {
    const child = launch({ PORT: '0', SHELFMARK_DATA_DIR: dir.path });
    const url = await endpoint(child);
    const response = await graphqlClient(url)('{ books { totalCount } }');
    expect(response.data).toEqual({ books: { totalCount: 0 } });

    const exit = exited(child);
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(child.output()).toContain('SIGINT received: stopping');
  }, 30_000);

  it('refuses to start on bad configuration, saying what was expected', async () => {
    const child = launch({ PORT: 'eighty', SHELFMARK_DATA_DIR: dir.path });
    expect(await exited(child)).toBe(1);
    expect(child.output()).toMatch(/Invalid configuration:\n- PORT: /);
  });
});
