import { startMongo, type RunningMongo } from '@shelfmark/local-servers';
import { graphqlClient, type GraphQLRequest, eventually } from '@shelfmark/testing';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AddBook, AddCopies, BookCirculation, BorrowBooks, Login, RegisterMember } from './operations';

/**
 * The production image, minus the container: `npm run build` (turbo, swc), then every Shelfmark
 * service of docker-compose.yml started with its `command` (or the Dockerfile's CMD) and its
 * `environment` as compose interpolates it, from the repository root (the image's WORKDIR), with
 * nothing but that environment and PATH. Only addresses change: compose's host names become this
 * suite's Kafka broker and MongoDB server and local ports.
 */
const ROOT = join(__dirname, '..');
const PORT_OFFSET = 700; // compose's 4000–4007 become 4700–4707
const ADMIN = { email: 'admin@dist.test', password: 'dist admin password' };

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number | null>;
}

/** The exec form of the Dockerfile's last CMD. */
function dockerfileCmd(): string[] {
  const lines = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').split('\n');
  const cmd = lines.filter((line) => line.startsWith('CMD ')).at(-1);
  if (!cmd) throw new Error('The Dockerfile has no CMD');
  return JSON.parse(cmd.slice(4)) as string[];
}

/** compose's `${NAME}`, `${NAME:-default}` and `${NAME:?message}`, from `dotenv`. */
function interpolate(value: string, dotenv: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?::([-?])([^}]*))?\}/g,
    (_whole, name: string, kind?: string, rest?: string) => {
      const given = dotenv[name];
      if (given) return given;
      if (kind === '?') throw new Error(`compose would refuse to start: ${name} (${rest})`);
      return kind === '-' ? (rest ?? '') : '';
    },
  );
}

async function whenReady(url: string, child: ChildProcess, name: string, output: string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${name} exited with ${child.exitCode}:\n${output.slice(-30).join('')}`);
    }
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${name} not ready at ${url}:\n${output.slice(-30).join('')}`);
}

describe('the compiled services, each run as the image runs it', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const shelfmark = Object.entries(compose.services).filter(
    ([, service]) => service.image === 'shelfmark:latest',
  );
  const children = new Map<string, ChildProcess>();
  const output = new Map<string, string[]>();
  const startedInMs = new Map<string, number>();
  let mongo: RunningMongo;
  let request: GraphQLRequest;
  let dotenv: Record<string, string>;

  /** Compose's service addresses, rewritten to this suite's servers and ports. */
  function rewrite(value: string): string {
    const brokers = process.env['KAFKA_BROKERS']!;
    return value
      .replace(/^mongodb:\/\/mongo:27017\/([\w-]+)(\?.*)?$/, (_whole, db: string) => {
        const url = new URL(mongo.url);
        url.pathname = `/${db}`;
        return url.toString();
      })
      .replace(/\bkafka:9092\b/, brokers)
      .replace(
        /^(https?|smtp):\/\/([a-z]+):(\d+)/,
        (_whole, scheme: string, _host: string, port: string) =>
          // The subgraphs' ports move with PORT; Jaeger and Mailpit are not here (their ports are closed).
          `${scheme}://127.0.0.1:${Number(port) >= 4000 && Number(port) < 4100 ? Number(port) + PORT_OFFSET : Number(port) + 20_000}`,
      );
  }

  function start(
    name: string,
    service: ComposeService,
    command = service.command ?? dockerfileCmd(),
  ): Promise<void> {
    const env: Record<string, string> = { PATH: process.env['PATH'] ?? '' };
    for (const [key, raw] of Object.entries(service.environment ?? {})) {
      env[key] = rewrite(interpolate(String(raw ?? ''), dotenv));
    }
    env['PORT'] = String(Number(env['PORT']) + PORT_OFFSET);
    expect(command[0]).toBe('node');
    const began = Date.now();
    const child = spawn(process.execPath, command.slice(1), {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    children.set(name, child);
    output.set(name, lines);
    return whenReady(`http://127.0.0.1:${env['PORT']}/readyz`, child, name, lines).then(() => {
      startedInMs.set(name, Date.now() - began);
    });
  }

  beforeAll(async () => {
    // What the image's build stage runs (without the web app, which the router serves when built).
    execFileSync('npx', ['turbo', 'run', 'build', '--filter=./packages/launcher...'], {
      cwd: ROOT,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
    });
    mongo = await startMongo();
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    dotenv = {
      SHELFMARK_JWT_PUBLIC_KEY: Buffer.from(publicKey.export({ type: 'spki', format: 'pem' })).toString(
        'base64',
      ),
      SHELFMARK_JWT_PRIVATE_KEY: Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' })).toString(
        'base64',
      ),
      SHELFMARK_ADMIN_EMAIL: ADMIN.email,
      SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    };
    // compose's order: the subgraphs and the worker once Kafka and MongoDB are up, then the router.
    await Promise.all(
      shelfmark.filter(([name]) => name !== 'router').map(([name, service]) => start(name, service)),
    );
    await start('router', compose.services['router']!);
    request = graphqlClient(`http://127.0.0.1:${4000 + PORT_OFFSET}/graphql`);
  });

  afterAll(async () => {
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    await mongo?.stop();
  });

  it('runs compiled JavaScript: every service is node on a dist/ file, with no TypeScript loader', () => {
    expect(shelfmark.map(([name]) => name).sort()).toEqual(
      [
        'analytics',
        'catalogue',
        'comments',
        'inventory',
        'loans',
        'members',
        'notifications',
        'router',
      ].sort(),
    );
    for (const [, service] of shelfmark) {
      const command = service.command ?? dockerfileCmd();
      expect(command).toContain('--conditions=shelfmark-dist');
      expect(command.join(' ')).not.toMatch(/swc|ts-node|tsx|\.ts\b/);
      expect(existsSync(join(ROOT, command.at(-1)!))).toBe(true);
      expect(command.at(-1)).toMatch(/^packages\/launcher\/dist\/cluster\/\w+\.js$/);
    }
    // Measured, not asserted (a shared CI machine is too noisy for a budget): spawn to /readyz.
    console.log('spawn to ready (ms): ' + [...startedInMs].map(([name, ms]) => `${name} ${ms}`).join(', '));
  });

  it('lends a book through the router across the compiled subgraphs and Kafka', async () => {
    const login = await request(Login, ADMIN);
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.token;
    const added = await request(
      AddBook,
      { input: { isbn: '9780140449136', title: 'Crime and Punishment', authors: ['Fyodor Dostoevsky'] } },
      { token },
    );
    expect(added.errors).toBeUndefined();
    const bookId = added.data!.addBook.id;
    await eventually(
      () => request(AddCopies, { bookId, count: 1 }, { token }),
      (r) => !r.errors,
    );
    const joined = await request(RegisterMember, {
      input: { email: 'raskolnikov@dist.test', password: 'reader password', name: 'Rodion Raskolnikov' },
    });
    expect(joined.errors).toBeUndefined();
    const reader = joined.data!.registerMember.token;

    const borrowed = await eventually(
      () => request(BorrowBooks, { bookIds: [bookId] }, { token: reader }),
      (r) => !r.errors,
    );
    expect(borrowed.data!.borrowBooks).toHaveLength(1);
    // Inventory hears loan-borrowed through Kafka: the copy is on loan.
    const circulation = await eventually(
      () => request(BookCirculation, { id: bookId }),
      (r) => r.data?.book?.availability?.onLoan === 1,
    );
    expect(circulation.data?.book?.availability).toMatchObject({ onLoan: 1, available: 0 });
  });

  const stop = (name: string) =>
    new Promise<number | null>((resolve) => {
      const child = children.get(name)!;
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });

  it('restarts a subgraph alone from dist/ (start-up measured against the sources under swc-node)', async () => {
    const catalogue = compose.services['catalogue']!;
    const fromSources = [
      'node',
      '--enable-source-maps',
      '-r',
      '@swc-node/register',
      'packages/launcher/src/cluster/subgraphProcess.ts',
    ];
    const timings: string[] = [];
    for (const [label, command] of [
      ['dist', catalogue.command!],
      ['sources', fromSources],
      ['dist', catalogue.command!],
      ['sources', fromSources],
      ['dist', catalogue.command!],
    ] as const) {
      expect(await stop('catalogue')).toBe(0);
      await start('catalogue', catalogue, [...command]);
      timings.push(`${label} ${startedInMs.get('catalogue')}`);
    }
    console.log(`catalogue alone, spawn to ready (ms): ${timings.join(', ')}`);
    const found = await request<{ books: { totalCount: number } }>('{ books(first: 1) { totalCount } }');
    expect(found.data?.books.totalCount).toBe(1);
  });

  it('stops every service on SIGTERM with exit code 0', async () => {
    const codes = await Promise.all(
      [...children].map(
        ([name, child]) =>
          new Promise<[string, number | null]>((resolve) => {
            child.once('exit', (code) => resolve([name, code]));
            child.kill('SIGTERM');
          }),
      ),
    );
    expect(Object.fromEntries(codes)).toEqual(Object.fromEntries(codes.map(([name]) => [name, 0])));
  });
});
