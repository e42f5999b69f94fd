import { Gauge, Registry } from 'prom-client';
import { processMetrics } from './processMetrics';

/**
 * What a server records of each GraphQL operation, for its component: duration and outcome by
 * operation name (bounded by {@link OperationNames}), errors by code. Label children are made once
 * per name, so an operation costs two map lookups and one observation.
 */
export class OperationMetrics {
  private readonly names = new OperationNames();
  private readonly children = new Map<string, readonly [ok: Observer, error: Observer]>();

  constructor(private readonly component: string) {}

  /** Records one answered operation; `startedAt` is its `performance.now()` at the start. */
  observe(operationName: string | null | undefined, failed: boolean, startedAt: number): void {
    const seconds = (performance.now() - startedAt) / 1000;
    (this.children.get(operationName ?? '') ?? this.childrenOf(operationName))[failed ? 1 : 0].observe(
      seconds,
    );
  }

  /** Counts one error of the answer by its code. */
  error(code: string): void {
    processMetrics().errors.inc({ component: this.component, code });
  }

  /** Label an operation name would get (`anonymous`, the name, or `other`). */
  label(operationName: string | null | undefined): string {
    return this.names.label(operationName);
  }

  private childrenOf(operationName: string | null | undefined): readonly [Observer, Observer] {
    const operation = this.names.label(operationName);
    const { operations } = processMetrics();
    const made = [
      operations.labels({ component: this.component, operation, outcome: 'ok' }),
      operations.labels({ component: this.component, operation, outcome: 'error' }),
    ] as const;
    // Only names that got a series of their own are kept: the map stays as bounded as the labels.
    if (operation !== 'other') this.children.set(operationName ?? '', made);
    return made;
  }
}

interface Observer {
  observe(value: number): void;
}

/**
 * A Prometheus registry per server, labelled with the process component it belongs to: the
 * process's metrics ({@link processMetrics}: operations, runtime, events, outbox, sagas), and
 * whatever the server registers itself. The operation series carry their own `component`, so in
 * `npm start` the router's /metrics shows every subgraph's operations too (the subgraphs have no
 * port there). Names and labels: docs/operations.md#metrics.
 */
export function createMetrics(component: string) {
  const registry = Registry.merge([processMetrics().registry]);
  registry.setDefaultLabels({ component });
  return { registry, operations: new OperationMetrics(component) };
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
