import autocannon from 'autocannon';
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

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
