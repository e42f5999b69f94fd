import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { processMetrics } from './processMetrics';

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * A Prometheus registry per server, labelled with the process component it belongs to, merged
 * with the process's own metrics (runtime, events, outbox, sagas: {@link processMetrics}) for
 * its /metrics. Names and labels: docs/operations.md#metrics.
 */
export function createMetrics(component: string) {
  const own = new Registry();
  own.setDefaultLabels({ component });
  const operations = new Histogram({
    name: 'shelfmark_graphql_operation_duration_seconds',
    help: 'Duration of GraphQL operations, by operation name (known names only, else "other") and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [own],
  });
  const errors = new Counter({
    name: 'shelfmark_graphql_errors_total',
    help: 'GraphQL errors returned, by code.',
    labelNames: ['code'] as const,
    registers: [own],
  });
  const registry = Registry.merge([own, processMetrics().registry]);
  registry.setDefaultLabels({ component });
  return { registry, operations, errors, operationNames: new OperationNames() };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Bounds the `operation` label: a client picks operation names freely, so only the first
 * {@link OperationNames.limit} distinct well-formed names get a series of their own (Shelfmark's
 * clients use a few dozen); later ones are `other`, unnamed ones `anonymous`.
 */
export class OperationNames {
  private readonly known = new Set<string>();

  constructor(readonly limit = 200) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.known.has(name)) return name;
    if (this.known.size >= this.limit || !/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
    this.known.add(name);
    return name;
  }
}

/**
 * Times a subgraph call for `shelfmark_subgraph_fetch_duration_seconds`, with its label children
 * made once: the router's hot path allocates nothing for it.
 */
export function subgraphFetchTimer(subgraph: string) {
  const { subgraphFetches } = processMetrics();
  const ok = subgraphFetches.labels({ subgraph, outcome: 'ok' });
  const error = subgraphFetches.labels({ subgraph, outcome: 'error' });
  return {
    ok: (startedAt: number) => ok.observe((performance.now() - startedAt) / 1000),
    error: (startedAt: number) => error.observe((performance.now() - startedAt) / 1000),
  };
}

/** A gauge whose value is read when /metrics is scraped (e.g. how many subscribers are live). */
export function observedGauge(registry: Registry, name: string, help: string, read: () => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}
