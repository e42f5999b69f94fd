import type { LoadFigures } from './report';
import { prepareRevision, type Revision } from './revision';
import { launchEmbedded, type EmbeddedSystem } from './system';

/**
 * The embedded systems a before/after benchmark runs side by side: today's checkout, and with
 * BENCH_BASELINE=<git rev> that revision's (its own packages/launcher, from a worktree made by
 * prepareRevision). Both run at once, each in its own process on its own port and data directory;
 * the benchmark loads them in turn, alternating, so each ratio comes from one run.
 */
export interface Contender {
  /** `today`, or `baseline <commit>`. */
  readonly label: string;
  readonly system: EmbeddedSystem;
}

export async function startContenders(
  env: (label: string, index: number) => Record<string, string>,
): Promise<{ contenders: Contender[]; close(): Promise<void> }> {
  const baseline = process.env['BENCH_BASELINE'];
  let revision: Revision | undefined;
  const contenders: Contender[] = [];
  const close = async () => {
    for (const contender of contenders) await contender.system.close().catch(() => undefined);
    await revision?.close();
  };
  try {
    contenders.push({ label: 'today', system: await launchEmbedded(env('today', 0)) });
    if (baseline) {
      revision = await prepareRevision(baseline);
      const label = `baseline ${revision.commit}`;
      contenders.push({ label, system: await launchEmbedded(env(label, 1), revision.root) });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { contenders, close };
}

/** The median of each figure over the rounds of one row and contender. */
export function medianOf(rows: readonly LoadFigures[]): LoadFigures {
  const median = (pick: (row: LoadFigures) => number) => {
    const sorted = rows.map(pick).sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  return {
    name: rows[0]!.name,
    requestsPerSecond: median((row) => row.requestsPerSecond),
    p50: median((row) => row.p50),
    p95: median((row) => row.p95),
    p99: median((row) => row.p99),
    total: rows.reduce((sum, row) => sum + row.total, 0),
    failures: rows.reduce((sum, row) => sum + row.failures, 0),
  };
}

/** Today's figures over the baseline's: throughput ×, latencies as fractions (lower is better). */
export function printRatios(row: string, today: LoadFigures, baseline: LoadFigures): void {
  const times = (value: number) => `${value.toFixed(2)}×`;
  console.log(
    [
      `  ${row.padEnd(44)}`,
      `throughput ${times(today.requestsPerSecond / baseline.requestsPerSecond)}`,
      `p50 ${times(today.p50 / baseline.p50)}`,
      `p95 ${times(today.p95 / baseline.p95)}`,
      `(today ÷ baseline)`,
    ].join('  '),
  );
}
