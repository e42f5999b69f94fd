import type { MongoConnection } from '@mikro-orm/mongodb';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { installMongoJavaServer, LAUNCHER_CLASS } from './mongoJavaServer';

type MongoClient = ReturnType<MongoConnection['getClient']>;

/** A MongoDB server the suites can use; `stop()` ends it if this process started it. */
export interface RunningMongo {
  /** e.g. `mongodb://127.0.0.1:40123` — no database: each test file names its own. */
  readonly url: string;
  /** Whether the server came from `MONGODB_URL` rather than being started here. */
  readonly external: boolean;
  stop(): Promise<void>;
}

export interface StartMongoOptions {
  /** How long the server may take to answer a ping; 60 s by default (the first run also fetches jars). */
  readonly timeoutMs?: number;
  /** The port to bind; 0 (default) lets the server pick a free one. */
  readonly port?: number;
  /** Where the jars are cached; `<repo>/.cache` by default. */
  readonly cacheRoot?: string;
}

/**
 * A MongoDB-wire-compatible server for the mongo suites: the one `MONGODB_URL` names (e.g. the
 * compose topology's), or else mongo-java-server's in-memory backend, fetched from Maven Central
 * into `<repo>/.cache` on first use and started on 127.0.0.1. Resolves once a MongoDB client can
 * ping it; throws (with the server's last output) when it cannot be had.
 */
export async function startMongo(options: StartMongoOptions = {}): Promise<RunningMongo> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const external = process.env.MONGODB_URL;
  if (external) {
    await waitForPing(external, Date.now() + timeoutMs, () => null);
    return { url: external, external: true, stop: () => Promise.resolve() };
  }

  const { classPath } = await installMongoJavaServer(options.cacheRoot);
  const deadline = Date.now() + timeoutMs;
  const child = spawn(
    'java',
    [
      '-Xss1m',
      '-XX:+UseSerialGC',
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-cp',
      classPath,
      LAUNCHER_CLASS,
      String(options.port ?? 0),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const output = tail(child);
  try {
    const port = await listeningPort(child, deadline, output);
    const url = `mongodb://127.0.0.1:${port}`;
    await waitForPing(url, deadline, () =>
      child.exitCode === null ? null : `exited with ${child.exitCode}`,
    );
    // A test run that exits without stopping the server must not wait for it.
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as { unref?(): void }).unref?.();
    return { url, external: false, stop: () => stopServer(child) };
  } catch (error) {
    await stopServer(child);
    throw new Error(`mongo-java-server did not start: ${(error as Error).message}\n${output.text()}`, {
      cause: error,
    });
  }
}

/** A client of the driver the ORM uses (a dependency of @mikro-orm/mongodb), so both speak the same wire version. */
export function mongoClient(url: string): MongoClient {
  const mikroOrmMongo = dirname(require.resolve('@mikro-orm/mongodb/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved from the ORM's own folder
  const { MongoClient: Client } = require(require.resolve('mongodb', { paths: [mikroOrmMongo] })) as {
    MongoClient: new (url: string, options: object) => MongoClient;
  };
  return new Client(url, { serverSelectionTimeoutMS: 2_000, connectTimeoutMS: 2_000 });
}

async function waitForPing(url: string, deadline: number, gone: () => string | null): Promise<void> {
  let last: unknown;
  while (Date.now() < deadline) {
    const why = gone();
    if (why) throw new Error(`the server ${why}`);
    const client = mongoClient(url);
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      last = error;
    } finally {
      await client.close().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer to ping from ${url}: ${(last as Error | undefined)?.message ?? 'timed out'}`);
}

function listeningPort(
  child: ChildProcessWithoutNullStreams,
  deadline: number,
  output: ReturnType<typeof tail>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const waitMs = Math.max(0, deadline - Date.now());
    const timer = setTimeout(
      () => reject(new Error(`no LISTENING line within ${Math.round(waitMs / 1000)} s`)),
      waitMs,
    );
    const done = () => clearTimeout(timer);
    output.onLine((line) => {
      const match = /^LISTENING (\d+)$/.exec(line);
      if (match) {
        done();
        resolve(Number(match[1]));
      }
    });
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      reject(new Error(`java exited (${signal ?? code}) before listening`));
    });
  });
}

/** Keeps the server's last lines of output, for the error message when it fails to start. */
function tail(child: ChildProcessWithoutNullStreams) {
  const lines: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (lines.length > 40) lines.shift();
      for (const listener of listeners) listener(line);
    });
  }
  return {
    onLine: (listener: (line: string) => void) => listeners.push(listener),
    text: () => lines.join('\n'),
  };
}

async function stopServer(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin.end();
  child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killed);
}
