import { readdirSync, readFileSync } from 'node:fs';

/** One process under the benchmark, with the CPU it has used since it started. */
export interface ProcessCpu {
  readonly pid: number;
  /** What it runs: a subgraph's name, `router`, `notifications`, `kafka`, `mongodb`, or its command. */
  readonly label: string;
  /** User plus system CPU time since the process started, in milliseconds. */
  readonly cpuMs: number;
}

/**
 * The CPU time of every process descended from `root` (default: this one), read from Linux's
 * `/proc`: the cluster's subgraph, router and notifications processes and the Kafka and MongoDB
 * servers all run under the benchmark. Empty where there is no `/proc`.
 */
export function processTreeCpu(root = process.pid): ProcessCpu[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const stats = new Map<number, { parent: number; cpuMs: number }>();
  for (const entry of entries) {
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const under = new Set([root]);
  // Parents are not always listed before their children: repeat until nothing is added.
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, { parent }] of stats) {
      if (!under.has(pid) && under.has(parent)) {
        under.add(pid);
        grew = true;
      }
    }
  }
  under.delete(root);
  return [...under].flatMap((pid) => {
    const label = labelOf(pid);
    return label ? [{ pid, label, cpuMs: stats.get(pid)!.cpuMs }] : [];
  });
}

/** CPU used per label between two readings; processes that started in between count from zero. */
export function cpuBetween(before: readonly ProcessCpu[], after: readonly ProcessCpu[]): Map<string, number> {
  const earlier = new Map(before.map(({ pid, cpuMs }) => [pid, cpuMs]));
  const used = new Map<string, number>();
  for (const { pid, label, cpuMs } of after) {
    used.set(label, (used.get(label) ?? 0) + cpuMs - (earlier.get(pid) ?? 0));
  }
  return used;
}

/** Clock ticks per second of `/proc/<pid>/stat`'s times: 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

function readStat(pid: number): { parent: number; cpuMs: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { parent: Number(fields[1]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined; // gone since the directory was listed
  }
}

function labelOf(pid: number): string | undefined {
  let command: string[];
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
  const line = command.join(' ');
  if (line.includes('kafka.Kafka')) return 'kafka';
  if (line.includes('ShelfmarkMongoServer')) return 'mongodb';
  if (line.includes('subgraphProcess')) return environment(pid)['SHELFMARK_SUBGRAPH'] ?? 'subgraph';
  if (line.includes('routerProcess')) return 'router';
  if (line.includes('notificationsProcess')) return 'notifications';
  return command[0]?.replace(/^.*\//, '') ?? `pid ${pid}`;
}

function environment(pid: number): Record<string, string> {
  try {
    return Object.fromEntries(
      readFileSync(`/proc/${pid}/environ`, 'utf8')
        .split('\0')
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    );
  } catch {
    return {};
  }
}
