import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { kafkaJars } from './kafkaJars';
import { LocalKafkaBroker } from './LocalKafkaBroker';

/**
 * The broker version the harness starts. KafkaJS 2.2.4 speaks the protocol versions of Kafka 2.x/3.x;
 * Kafka 4 removed some of the old ones it relies on, so the newest broker it works with is 3.9.x.
 */
export const KAFKA_VERSION = '3.9.1';

/** The variable that points the Kafka suites at a broker someone else runs (e.g. the compose one). */
export const KAFKA_BROKERS_VARIABLE = 'KAFKA_BROKERS';

export interface StartKafkaOptions {
  /**
   * Use the brokers in `KAFKA_BROKERS` when it is set (default true). A test that stops and
   * restarts the broker passes false: it needs a broker of its own.
   */
  readonly useExternal?: boolean;
  /** Where the jars are cached; default `<repo>/.cache/kafka-<version>`. */
  readonly cacheDir?: string;
  /** Default 90 s: the first start on a cold JVM on a 2-core machine takes a few seconds. */
  readonly startTimeoutMs?: number;
  /** JVM maximum heap, default `512m`. */
  readonly heap?: string;
  readonly log?: (line: string) => void;
}

/** A Kafka to run tests against. */
export interface KafkaHandle {
  /** `host:port` of the bootstrap brokers. */
  readonly brokers: string[];
  /** Whether the broker is someone else's (`KAFKA_BROKERS`): then it cannot be stopped here. */
  readonly external: boolean;
  /** How long the broker took to start and accept a client, in ms (0 when external). */
  readonly startupMs: number;
  /** Stops the broker and removes its data; safe to call twice. Leaves an external broker alone. */
  stop(): Promise<void>;
  /** Stops the broker but keeps its ports and data, as for an operator's restart. */
  stopBroker(): Promise<void>;
  /** Starts a broker stopped by {@link stopBroker} again, on the same ports and data. */
  startBroker(): Promise<void>;
}

const defaultLog = (line: string) => process.stderr.write(`[kafka] ${line}\n`);

/**
 * Gives the Kafka test suites a broker: the one in `KAFKA_BROKERS` if set, otherwise Apache
 * Kafka {@link KAFKA_VERSION} in KRaft mode started from its Maven Central jars (fetched once
 * with `mvn` into the cache folder). Throws when no broker can be had: a suite that needs Kafka
 * fails rather than silently skipping.
 */
export async function startKafka(options: StartKafkaOptions = {}): Promise<KafkaHandle> {
  const log = options.log ?? defaultLog;
  const external = process.env[KAFKA_BROKERS_VARIABLE];
  if ((options.useExternal ?? true) && external) {
    const brokers = parseBrokers(external);
    log(`using the external brokers ${brokers.join(',')} (${KAFKA_BROKERS_VARIABLE})`);
    const refuse = () =>
      Promise.reject(new Error(`The brokers in ${KAFKA_BROKERS_VARIABLE} are not this process's to stop`));
    return {
      brokers,
      external: true,
      startupMs: 0,
      stop: () => Promise.resolve(),
      stopBroker: refuse,
      startBroker: refuse,
    };
  }

  const cacheDir = options.cacheDir ?? join(repositoryRoot(), '.cache', `kafka-${KAFKA_VERSION}`);
  const libs = await kafkaJars(KAFKA_VERSION, cacheDir, log);
  const started = Date.now();
  const broker = await LocalKafkaBroker.create({
    libs,
    startTimeoutMs: options.startTimeoutMs ?? 90_000,
    heap: options.heap ?? '512m',
    log,
  });
  try {
    await broker.start();
  } catch (error) {
    await broker.destroy();
    throw error;
  }
  const startupMs = Date.now() - started;
  log(`Apache Kafka ${KAFKA_VERSION} (KRaft) started on ${broker.address} in ${startupMs} ms`);

  let stopping: Promise<void> | undefined;
  return {
    brokers: [broker.address],
    external: false,
    startupMs,
    stop: () => (stopping ??= broker.destroy()),
    stopBroker: () => broker.stop(),
    async startBroker() {
      const restarted = Date.now();
      await broker.start();
      log(`broker restarted on ${broker.address} in ${Date.now() - restarted} ms`);
    },
  };
}

/** The brokers a Kafka test should use, as set by the kafka jest project's global setup. */
export function kafkaBrokersFromEnv(): string[] {
  const value = process.env[KAFKA_BROKERS_VARIABLE];
  if (!value) {
    throw new Error(
      `${KAFKA_BROKERS_VARIABLE} is not set: run the Kafka suites through the jest "kafka" project ` +
        '(npx jest --selectProjects kafka), whose global setup starts a broker, or set it yourself.',
    );
  }
  return parseBrokers(value);
}

function parseBrokers(value: string): string[] {
  const brokers = value
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new Error(`${KAFKA_BROKERS_VARIABLE} is set but names no broker`);
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d+$/.test(broker)) {
      throw new Error(
        `${KAFKA_BROKERS_VARIABLE} must list host:port pairs separated by commas, got "${value}"`,
      );
    }
  }
  return brokers;
}

/** The monorepo's root: the nearest folder up from here whose package.json has workspaces. */
function repositoryRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (parsed.workspaces) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(__dirname, '../../../..');
    dir = parent;
  }
}
