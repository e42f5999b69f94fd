import { SUBGRAPH_NAMES, type SubgraphName } from '@shelfmark/schema';
import { loadOrCreateKeys } from '@shelfmark/subgraph-kit';
import { telemetryEnv } from '@shelfmark/telemetry';
import { startKafka, startMongo } from '@shelfmark/local-servers';
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  adminEnv,
  adminPair,
  circulationEnv,
  logLevel,
  membersEnv,
  notificationsEnv,
  parseEnv,
  subscriptionsEnv,
  subscriptionVariables,
  variablesOf,
} from '../env';

const ROOT = join(__dirname, '..', '..', '..', '..');

const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
    /** The six subgraphs take consecutive ports from here; the notifications worker's probes the next. */
    SHELFMARK_SUBGRAPH_PORTS_FROM: z.coerce.number().int().min(1).max(65_528).default(4001),
    SHELFMARK_DATA_DIR: z.string().min(1).default('./.data/cluster'),
    KAFKA_BROKERS: z.string().min(1).optional(),
    /** A MongoDB server; each subgraph gets its own database on it (`<prefix>-<name>`). */
    MONGODB_URL: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'MONGODB_URL must be a mongodb:// URL')
      .optional(),
    /**
     * Names this cluster's databases (`<prefix>-catalogue`, …), so two clusters can share one
     * MongoDB server without reading each other's data (the test suites do).
     */
    SHELFMARK_DATABASE_PREFIX: z
      .string()
      .regex(
        /^[a-z][a-z0-9-]{0,40}$/,
        'SHELFMARK_DATABASE_PREFIX must be lower-case letters, digits and dashes',
      )
      .default('shelfmark'),
    ...adminEnv,
    ...notificationsEnv,
    /** Passed on to every subgraph process it starts. */
    ...circulationEnv,
    ...membersEnv,
    /** Passed on to every router process it starts. */
    ...subscriptionsEnv,
    LOG_LEVEL: logLevel.default('warn'),
  })
  .refine(...adminPair);

export type ClusterConfig = z.infer<typeof schema>;

export function loadClusterConfig(env: NodeJS.ProcessEnv): ClusterConfig {
  return parseEnv(schema, env);
}

export interface RunningCluster {
  readonly url: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** Stops one subgraph process (failure-isolation drills). */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /**
   * SIGTERM to one subgraph process, then the same process started again (a rolling restart of
   * one replica); resolves, once the new one is ready, with the exit code of the stopped one
   * (null if it had to be killed).
   */
  restartSubgraph(name: SubgraphName): Promise<number | null>;
  /**
   * Starts one more router process, a replica of the first (same variables, its own Kafka
   * consumer group), listening on `port`; resolves with its GraphQL URL once it is ready. The
   * cluster's close() stops it too.
   */
  addRouter(port: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * `npm run start:cluster`: what docker-compose runs, minus containers. Each subgraph and the router
 * is its own Node.js process; events go through Apache Kafka, data into MongoDB. Without
 * KAFKA_BROKERS / MONGODB_URL it starts a local Kafka broker (KRaft) and a MongoDB-compatible
 * server from Maven Central jars (needs java and mvn).
 */
export async function startCluster(
  config: ClusterConfig,
  output: (line: string) => void = console.log,
): Promise<RunningCluster> {
  const stops: (() => Promise<void>)[] = [];
  const children = new Map<string, ChildProcess>();
  const close = async () => {
    await Promise.all([...children.values()].map(terminate));
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    let brokers = config.KAFKA_BROKERS;
    if (!brokers) {
      output('starting a local Kafka broker (KRaft) from Maven Central jars…');
      const kafka = await startKafka();
      stops.push(() => kafka.stop());
      brokers = kafka.brokers.join(',');
    }
    let mongoUrl = config.MONGODB_URL;
    if (!mongoUrl) {
      output('starting a local MongoDB-compatible server (in memory) from Maven Central jars…');
      const mongo = await startMongo();
      stops.push(() => mongo.stop());
      mongoUrl = mongo.url;
    }
    const database: string = mongoUrl;
    const keysDir = resolve(ROOT, config.SHELFMARK_DATA_DIR);
    loadOrCreateKeys(keysDir); // made once here, so the processes never race to create it

    const common = {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: config.LOG_LEVEL,
      SHELFMARK_KEYS_DIR: keysDir,
    };
    const subgraphUrls = Object.fromEntries(
      SUBGRAPH_NAMES.map((name, index) => [
        name,
        `http://127.0.0.1:${config.SHELFMARK_SUBGRAPH_PORTS_FROM + index}/graphql`,
      ]),
    ) as Record<SubgraphName, string>;
    const urlVariables = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [`SHELFMARK_${name.toUpperCase()}_URL`, subgraphUrls[name]]),
    );
    const startSubgraphProcess = async (name: SubgraphName) => {
      const port = config.SHELFMARK_SUBGRAPH_PORTS_FROM + SUBGRAPH_NAMES.indexOf(name);
      const child = run(name, 'subgraphProcess.ts', output, {
        ...common,
        ...urlVariables,
        ...variablesOf(circulationEnv, config),
        ...variablesOf(membersEnv, config),
        SHELFMARK_SUBGRAPH: name,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: databaseUrl(database, config.SHELFMARK_DATABASE_PREFIX, name),
        KAFKA_BROKERS: brokers,
        ...(name === 'members' && config.SHELFMARK_ADMIN_EMAIL && config.SHELFMARK_ADMIN_PASSWORD
          ? {
              SHELFMARK_ADMIN_EMAIL: config.SHELFMARK_ADMIN_EMAIL,
              SHELFMARK_ADMIN_PASSWORD: config.SHELFMARK_ADMIN_PASSWORD,
            }
          : {}),
      });
      children.set(name, child);
      await ready(`http://127.0.0.1:${port}/readyz`, child, name);
    };
    await Promise.all(SUBGRAPH_NAMES.map(startSubgraphProcess));
    // The notifications worker: its own process, database and consumer groups; mails go to
    // <data dir>/mail unless SMTP_URL is set.
    const probesPort = config.SHELFMARK_SUBGRAPH_PORTS_FROM + SUBGRAPH_NAMES.length;
    const notifications = run('notifications', 'notificationsProcess.ts', output, {
      ...common,
      HOST: '127.0.0.1',
      PORT: String(probesPort),
      DATABASE_URL: databaseUrl(database, config.SHELFMARK_DATABASE_PREFIX, 'notifications'),
      KAFKA_BROKERS: brokers,
      SHELFMARK_MAIL_DIR: join(keysDir, 'mail'),
      SHELFMARK_MAIL_FROM: config.SHELFMARK_MAIL_FROM,
      SHELFMARK_MAIL_MAX_ATTEMPTS: String(config.SHELFMARK_MAIL_MAX_ATTEMPTS),
      ...(config.SMTP_URL ? { SMTP_URL: config.SMTP_URL } : {}),
    });
    children.set('notifications', notifications);
    await ready(`http://127.0.0.1:${probesPort}/readyz`, notifications, 'notifications');
    // Every router replica: the same variables, a port of its own. Each feeds its subscriptions
    // from Kafka through a consumer group of its own, so each hears every event.
    const routerVariables = {
      ...common,
      ...urlVariables,
      KAFKA_BROKERS: brokers,
      ...subscriptionVariables(config),
    };
    const startRouter = async (name: string, port: number) => {
      if (children.has(name)) throw new Error(`A ${name} process is already running`);
      const router = run(name, 'routerProcess.ts', output, { ...routerVariables, PORT: String(port) });
      children.set(name, router);
      await ready(`http://127.0.0.1:${port}/readyz`, router, name);
      return `http://localhost:${port}/graphql`;
    };
    const url = await startRouter('router', config.PORT);
    return {
      url,
      subgraphUrls,
      async stopSubgraph(name) {
        const child = children.get(name);
        children.delete(name);
        if (child) await terminate(child);
      },
      async restartSubgraph(name) {
        const child = children.get(name);
        if (!child) throw new Error(`No ${name} process is running`);
        children.delete(name);
        await terminate(child);
        await startSubgraphProcess(name);
        return child.exitCode;
      },
      addRouter: (port) => startRouter(`router-${port}`, port),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function databaseUrl(mongoUrl: string, prefix: string, name: string): string {
  const url = new URL(mongoUrl);
  url.pathname = `/${prefix}-${name}`;
  return url.toString();
}

function run(
  name: string,
  entry: string,
  output: (line: string) => void,
  env: Record<string, string>,
): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', '-r', '@swc-node/register', join(__dirname, entry)],
    {
      cwd: ROOT,
      // OTEL_* passed on when tracing is asked for, each process named as in docker-compose.yml.
      env: { ...telemetryEnv(process.env, `shelfmark-${name.replace(/-\d+$/, '')}`), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) output(prefix + line);
    });
  }
  return child;
}

async function ready(url: string, child: ChildProcess, name: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not ready at ${url} after ${timeoutMs / 1000} s`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Past the process's own grace period (SHELFMARK_SHUTDOWN_TIMEOUT_MS, 25 s by default).
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
