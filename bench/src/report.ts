import autocannon from 'autocannon';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { cpus, totalmem } from 'node:os';

export interface LoadFigures {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly total: number;
  readonly failures: number;
}

/**
 * Runs autocannon and computes latency percentiles from every response it saw (autocannon's own
 * summary has no p95). `failures` counts non-2xx answers and transport errors; each benchmark
 * also checks the GraphQL outcome through the API itself.
 */
export async function load(name: string, options: autocannon.Options): Promise<LoadFigures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, finished) =>
      error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(finished),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => percentile(latencies, q);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    total: latencies.length,
    failures: result.non2xx + result.errors,
  };
}

/** The sample at quantile `q` (nearest rank) of samples sorted in ascending order; NaN when there are none. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export function print(figures: LoadFigures): void {
  const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
  console.log(
    [
      figures.name.padEnd(46),
      `${Math.round(figures.requestsPerSecond).toString().padStart(6)} req/s`,
      `p50 ${ms(figures.p50)}`,
      `p95 ${ms(figures.p95)}`,
      `p99 ${ms(figures.p99)}`,
      `n=${figures.total}`,
      `failures=${figures.failures}`,
    ].join('  '),
  );
}

/** The machine, and how fast it is as the bench starts ({@link speedProbes}). */
export async function machine(): Promise<string> {
  const { model } = cpus()[0] ?? { model: 'cpu' };
  const memory = Math.round(totalmem() / 2 ** 30);
  const { script, loopback } = await speedProbes();
  return (
    `${cpus().length} × ${model}, ${memory} GiB, Node ${process.version}; ` +
    `speed probes: script ${script.toFixed(1)} ms, loopback ${loopback.toFixed(1)} ms`
  );
}

/**
 * Two fixed pieces of work, each the median of several runs in ms (the lower, the faster):
 * `script`, single-threaded JavaScript like a server's (short-lived objects, JSON, hashing);
 * `loopback`, 500 round trips of 512 bytes over a TCP socket on 127.0.0.1, the kernel's part of
 * every message between processes. A shared VM's speed drifts during a day — this one's by up to
 * 3× — and every figure of a run drifts with it. The probes, taken on a quiet machine, catch some
 * of that drift, not all: probes far apart show two runs are not comparable, close ones do not
 * prove they are (docs/benchmarks.md). A comparison within one run (alternating rows, a baseline)
 * needs no probe.
 */
export async function speedProbes(): Promise<{ script: number; loopback: number }> {
  const script = median(await timed(25, scriptWork));
  const loopback = await withEchoSocket((socket) => timed(9, () => roundTrips(socket, 500)));
  return { script, loopback: median(loopback) };
}

async function timed(runs: number, work: () => unknown): Promise<number[]> {
  for (let run = 0; run < 10; run++) await work(); // until the JIT has compiled it
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function withEchoSocket<T>(use: (socket: Socket) => Promise<T>): Promise<T> {
  const server = createServer((peer) => peer.pipe(peer));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1').setNoDelay(true);
  try {
    await once(socket, 'connect');
    return await use(socket);
  } finally {
    socket.destroy();
    server.close();
  }
}

async function roundTrips(socket: Socket, count: number): Promise<void> {
  const message = Buffer.alloc(512, 1);
  for (let trip = 0; trip < count; trip++) {
    let echoed = 0;
    const back = new Promise<void>((resolve) => {
      const onData = (chunk: Buffer) => {
        echoed += chunk.length;
        if (echoed < message.length) return;
        socket.off('data', onData);
        resolve();
      };
      socket.on('data', onData);
    });
    socket.write(message);
    await back;
  }
}

function scriptWork(): string {
  const hash = createHash('sha256');
  let kept: object[] = [];
  for (let i = 0; i < 200_000; i++) {
    kept.push({ i, text: `row ${i}` });
    if (kept.length > 1_000) kept = [];
  }
  for (let i = 0; i < 20_000; i++) hash.update(JSON.stringify({ id: i, tags: ['a', 'b', 'c'] }));
  return hash.digest('hex');
}
