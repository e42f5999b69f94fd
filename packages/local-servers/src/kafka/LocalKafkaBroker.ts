import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

export interface LocalKafkaBrokerOptions {
  /** The folder holding the broker's jars (see kafkaJars). */
  readonly libs: string;
  readonly startTimeoutMs: number;
  readonly heap: string;
  readonly log: (line: string) => void;
}

/**
 * One Apache Kafka broker in KRaft mode (broker and controller in one JVM), on free loopback
 * ports, with its log in a temporary folder. It can be stopped and started again on the same
 * ports and log folder, as an operator restarting a broker would.
 */
export class LocalKafkaBroker {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: LocalKafkaBrokerOptions,
    readonly dir: string,
    readonly port: number,
  ) {}

  /** Writes the configuration and formats the storage; the broker is not started yet. */
  static async create(options: LocalKafkaBrokerOptions): Promise<LocalKafkaBroker> {
    const dir = await mkdtemp(join(tmpdir(), 'shelfmark-kafka-'));
    try {
      const [port = 0, controllerPort = 0] = await freePorts(2);
      const broker = new LocalKafkaBroker(options, dir, port);
      await writeFile(join(dir, 'server.properties'), serverProperties(dir, port, controllerPort), 'utf8');
      await writeFile(join(dir, 'log4j.properties'), log4jProperties(dir), 'utf8');
      await broker.java(
        ['kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', join(dir, 'server.properties')],
        { wait: true },
      );
      return broker;
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts the broker and resolves once a Kafka client can talk to it. */
  async start(): Promise<void> {
    if (this.child) throw new Error('The Kafka broker is already running');
    const child = await this.java(['kafka.Kafka', join(this.dir, 'server.properties')], { wait: false });
    this.child = child;
    let exitCode: number | null | undefined;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        exitCode = code ?? (signal ? -1 : null);
        if (this.child === child) this.child = undefined;
        resolve();
      }),
    );
    watchForOrphan(child, this.dir);
    try {
      await this.waitUntilReady(() => exitCode !== undefined);
    } catch (error) {
      await this.stop();
      throw new Error(`${(error as Error).message}\n--- last broker log lines ---\n${this.logTail()}`);
    }
  }

  /** SIGTERM (a controlled shutdown), then SIGKILL if the broker is still there after 20 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const killed = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 20_000).unref()),
    ]);
    if (killed) {
      this.options.log('the broker did not stop within 20 s of SIGTERM: sending SIGKILL');
      child.kill('SIGKILL');
      await this.exited;
    }
    this.child = undefined;
  }

  /** Stops the broker and deletes its data. */
  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }

  logTail(lines = 40): string {
    const file = join(this.dir, 'server.log');
    if (!existsSync(file)) return '(no server.log)';
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }

  private async waitUntilReady(hasExited: () => boolean): Promise<void> {
    const deadline = Date.now() + this.options.startTimeoutMs;
    let lastError = 'not tried yet';
    while (Date.now() < deadline) {
      if (hasExited()) throw new Error('The Kafka broker exited while starting');
      const admin = new Kafka({
        clientId: 'shelfmark-local-servers',
        brokers: [this.address],
        logLevel: logLevel.NOTHING,
        connectionTimeout: 1_000,
        retry: { retries: 0 },
      }).admin();
      try {
        await admin.connect();
        const cluster = await admin.describeCluster();
        if (cluster.brokers.length > 0) return;
      } catch (error) {
        lastError = (error as Error).message;
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `The Kafka broker did not accept a client within ${this.options.startTimeoutMs} ms (${lastError})`,
    );
  }

  private java(args: string[], { wait }: { wait: true }): Promise<undefined>;
  private java(args: string[], { wait }: { wait: false }): Promise<ChildProcess>;
  private async java(args: string[], { wait }: { wait: boolean }): Promise<ChildProcess | undefined> {
    const child = spawn(
      'java',
      [
        `-Xmx${this.options.heap}`,
        '-Xms128m',
        '-XX:+UseG1GC',
        '-Djava.awt.headless=true',
        `-Dlog4j.configuration=file:${join(this.dir, 'log4j.properties')}`,
        `-Dkafka.logs.dir=${this.dir}`,
        '-cp',
        join(this.options.libs, '*'),
        ...args,
      ],
      { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    if (!wait) return child;
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`java ${args.slice(0, 2).join(' ')} failed (exit ${code}):\n${output}`);
    return undefined;
  }
}

/**
 * If the test process dies without stopping the broker (a killed jest), a small watchdog kills
 * the JVM and deletes its data, so no broker outlives the run that started it.
 */
function watchForOrphan(child: ChildProcess, dir: string): void {
  if (!child.pid) return;
  const script =
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${child.pid} 2>/dev/null; do sleep 1; done; ` +
    `if ! kill -0 ${process.pid} 2>/dev/null; then kill -9 ${child.pid} 2>/dev/null; rm -rf '${dir}'; fi`;
  spawn('bash', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

function serverProperties(dir: string, port: number, controllerPort: number): string {
  return [
    '# Written by @shelfmark/local-servers: one KRaft node, loopback only, for tests and start:cluster.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${join(dir, 'data')}`,
    'num.partitions=1',
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=3',
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=4',
    'log.retention.hours=24',
    'log.segment.bytes=16777216',
    '',
  ].join('\n');
}

function log4jProperties(dir: string): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.FileAppender',
    `log4j.appender.file.File=${join(dir, 'server.log')}`,
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka.request.logger=WARN',
    'log4j.logger.state.change.logger=WARN',
    '',
  ].join('\n');
}

/**
 * A KRaft cluster id: 16 random bytes, base64url without padding, as `kafka-storage random-uuid`
 * prints — and, like Kafka's own generator, never starting with "-", which the command line
 * would take for an option.
 */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('No TCP port was assigned');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
