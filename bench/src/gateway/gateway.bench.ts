import { issueToken } from '@shelfmark/subgraph-kit';
import { generateKeyPairSync } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { load, machine, print, type LoadFigures } from '../report';
import { prepareRevision } from '../revision';
import { forkChild, type Child, type ToParent } from './processes';
import { GUILD_QUERY } from './subgraphs';

/**
 * `npm run bench:gateway`: Shelfmark's router against a stock @apollo/gateway + @apollo/server on
 * a supergraph shaped like The Guild's gateway benchmark (accounts, products, inventory, reviews;
 * their nested query, a ~57 kB answer). The subgraphs run in one process, each gateway in its
 * own; the gateways take turns under the same autocannon load, several rounds, and each reports
 * its own CPU time over IPC, so "CPU ms per request" is the gateway's alone.
 *
 * BENCH_SECONDS (default 10) per run, BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 10);
 * BENCH_BASELINE=<git rev> adds Shelfmark's router at that revision (a git worktree) to the turns;
 * BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to today's router's process.
 */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const BASELINE = process.env['BENCH_BASELINE'];
const ROOT = join(__dirname, '..', '..', '..');
const STOCK = 'stock @apollo/gateway';
const TODAY = 'Shelfmark router';

interface Gateway {
  readonly name: string;
  readonly child: Child;
  readonly url: string;
}

interface Run {
  readonly figures: LoadFigures;
  readonly cpuMs: number;
}

async function main() {
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // Every request carries a member's token: Shelfmark's router verifies it (the stock gateway ignores it).
  const token = await issueToken(
    { memberId: 'bench-member', role: 'MEMBER' },
    { publicKey, privateKey },
    3600,
  );
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const subgraphs = forkChild('subgraphsProcess.ts', []);
    cleanups.push(() => subgraphs.close());
    const { urls, supergraphSdl } = (await subgraphs.next('subgraphs')) as Extract<
      ToParent,
      { kind: 'subgraphs' }
    >;

    const candidates: { name: string; args: string[]; nodeArgs?: string[]; root?: string }[] = [
      { name: TODAY, args: ['shelfmark', ROOT], nodeArgs },
      { name: STOCK, args: ['apollo'] },
    ];
    if (BASELINE) {
      const revision = await prepareRevision(BASELINE);
      cleanups.push(() => revision.close());
      candidates.push({ name: `Shelfmark router @ ${revision.commit}`, args: ['shelfmark', revision.root] });
    }
    const gateways: Gateway[] = [];
    for (const candidate of candidates) {
      const child = forkChild('gatewayProcess.ts', candidate.args, candidate.nodeArgs);
      cleanups.push(() => child.close());
      const ready = child.next('ready');
      child.request({
        kind: 'start',
        supergraphSdl,
        subgraphUrls: urls,
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      });
      const { url } = (await ready) as Extract<ToParent, { kind: 'ready' }>;
      gateways.push({ name: candidate.name, child, url });
    }

    const body = JSON.stringify({ query: GUILD_QUERY });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    // The same answer from every gateway, before any load.
    const answers = await Promise.all(
      gateways.map(async ({ name, url }) => {
        const response = await fetch(url, { method: 'POST', headers, body });
        const text = await response.text();
        const json = JSON.parse(text) as { data?: unknown; errors?: unknown };
        if (response.status !== 200 || json.errors || !json.data)
          throw new Error(`${name} answered ${response.status}: ${text.slice(0, 500)}`);
        return { name, json, bytes: Buffer.byteLength(text) };
      }),
    );
    for (const answer of answers.slice(1)) {
      if (!isDeepStrictEqual(answer.json, answers[0]!.json))
        throw new Error(`${answer.name} and ${answers[0]!.name} answer differently`);
    }

    console.log(
      `Gateway benchmark — The Guild's nested query (${(answers[0]!.bytes / 1000).toFixed(1)} kB answer, equal from every gateway), ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds, alternating`,
    );
    console.log(
      `machine: ${await machine()}; load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    const base = { method: 'POST' as const, headers, body, connections: CONNECTIONS };

    // Warm-up (JIT, pools, caches), not counted.
    for (const gateway of gateways)
      await load('warm-up', { ...base, url: gateway.url, duration: Math.min(3, SECONDS) });

    const runs = new Map<string, Run[]>(gateways.map(({ name }) => [name, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      // Each round starts with a different gateway, so none always runs first (or last).
      const order = gateways.map((_, i) => gateways[(i + round) % gateways.length]!);
      for (const gateway of order) {
        const before = await gateway.child.cpuMs();
        const figures = await load(`round ${round + 1}: ${gateway.name}`, {
          ...base,
          url: gateway.url,
          duration: SECONDS,
        });
        const cpuMs = (await gateway.child.cpuMs()) - before;
        runs.get(gateway.name)!.push({ figures, cpuMs });
        print(figures);
        console.log(
          `${''.padEnd(46)}  router CPU ${(cpuMs / Math.max(1, figures.total)).toFixed(2)} ms/request`,
        );
      }
    }

    console.log(
      `\nload average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    const summary = gateways.map(({ name }) => summarise(name, runs.get(name)!));
    const stock = summary.find((row) => row.name === STOCK)!;
    const today = summary.find((row) => row.name === TODAY)!;
    console.log(
      `${'gateway'.padEnd(34)} ${'req/s'.padStart(7)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'errors'.padStart(7)} ${'CPU ms/req'.padStart(11)} ${'RPS ×stock'.padStart(11)} ${'CPU ×stock'.padStart(11)}`,
    );
    for (const row of summary) {
      console.log(
        `${row.name.padEnd(34)} ${row.rps.toFixed(0).padStart(7)} ${row.p50.toFixed(1).padStart(7)} ${row.p95.toFixed(1).padStart(7)} ${row.p99.toFixed(1).padStart(7)} ${String(row.failures).padStart(7)} ${row.cpuPerRequest.toFixed(2).padStart(11)} ${(row.rps / stock.rps).toFixed(2).padStart(11)} ${(row.cpuPerRequest / stock.cpuPerRequest).toFixed(2).padStart(11)}`,
      );
    }
    console.log(
      '(req/s: all requests over all runs; p50/p95/p99: median of the runs, ms; errors: non-2xx + transport)',
    );
    // Ratios of runs in the same round (next to each other in time), so a load spike on the shared
    // machine weighs on both sides of a ratio.
    const paired = (name: string, against: string) => {
      const ours = runs.get(name)!;
      const theirs = runs.get(against)!;
      const rps = ours.map((run, i) => run.figures.total / theirs[i]!.figures.total);
      const cpu = ours.map(
        (run, i) =>
          run.cpuMs /
          Math.max(1, run.figures.total) /
          (theirs[i]!.cpuMs / Math.max(1, theirs[i]!.figures.total)),
      );
      const list = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
      return `RPS × ${list(rps)} (median ${median(rps).toFixed(2)}), CPU/request × ${list(cpu)} (median ${median(cpu).toFixed(2)})`;
    };
    console.log(`\nper round, ${TODAY} / ${STOCK}: ${paired(TODAY, STOCK)}`);
    const baseline = summary.find((row) => row.name.startsWith(`${TODAY} @`));
    if (baseline) {
      console.log(
        `\nbefore/after: today's router ${(today.rps / baseline.rps).toFixed(2)}× the RPS of ${BASELINE}, ${(today.cpuPerRequest / baseline.cpuPerRequest).toFixed(2)}× its CPU per request`,
      );
      console.log(`per round, ${TODAY} / ${baseline.name}: ${paired(TODAY, baseline.name)}`);
    }
    if (summary.some((row) => row.failures > 0)) process.exitCode = 1;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
  }
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
}

function summarise(name: string, runs: readonly Run[]) {
  const total = runs.reduce((sum, run) => sum + run.figures.total, 0);
  const seconds = runs.length * SECONDS;
  return {
    name,
    rps: total / seconds,
    p50: median(runs.map((run) => run.figures.p50)),
    p95: median(runs.map((run) => run.figures.p95)),
    p99: median(runs.map((run) => run.figures.p99)),
    failures: runs.reduce((sum, run) => sum + run.figures.failures, 0),
    cpuPerRequest: runs.reduce((sum, run) => sum + run.cpuMs, 0) / Math.max(1, total),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
