import { Gauge, Registry } from 'prom-client';
import { processMetrics } from './processMetrics';

/** What a server records of each GraphQL operation, for its component. */
export interface OperationMetrics {
  /** Starts timing an operation; the returned function records it when it is answered. */
  startTimer(): (labels: { operation: string; outcome: 'ok' | 'error' }) => void;
}

/**
 * A Prometheus registry per server, labelled with the process component it belongs to: the
 * process's metrics ({@link processMetrics}: operations, runtime, events, outbox, sagas), and
 * whatever the server registers itself. The operation series carry their own `component`, so in
 * `npm start` the router's /metrics shows every subgraph's operations too (the subgraphs have no
 * port there). Names and labels: docs/operations.md#metrics.
 */
export function createMetrics(component: string) {
  const shared = processMetrics();
  const registry = Registry.merge([shared.registry]);
  registry.setDefaultLabels({ component });
  const operations: OperationMetrics = {
    startTimer() {
      const started = performance.now();
      return ({ operation, outcome }) =>
        shared.operations.observe({ component, operation, outcome }, (performance.now() - started) / 1000);
    },
  };
  const errors = { inc: ({ code }: { code: string }) => shared.errors.inc({ component, code }) };
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
