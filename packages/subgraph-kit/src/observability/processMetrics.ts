import { consumerLabel, observeEvents, relayBacklogs } from '@shelfmark/events';

export { consumerLabel };
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Metrics of the whole process, whatever serves it (a subgraph, the router, the notifications
 * worker, or all of them in `npm start`): the Node.js runtime, the event bus (deliveries, dead
 * letters, consumer lag, the outbox), sagas, subscription pushes. One registry per process, merged
 * into each server's /metrics. Names and labels: docs/operations.md#metrics.
 */
export interface ProcessMetrics {
  readonly registry: Registry;
  readonly subscriptionMessages: Counter;
  readonly subgraphFetches: Histogram<'subgraph' | 'outcome'>;
  readonly answerCache: Counter<'subgraph' | 'result'>;
  readonly breakerOpenings: Counter<'peer'>;
  readonly operations: Histogram<'component' | 'operation' | 'outcome'>;
  readonly errors: Counter<'component' | 'code'>;
}

let instance: ProcessMetrics | undefined;

/** What the breaker gauge reads of an opossum circuit breaker. */
export interface ObservedBreaker {
  readonly opened: boolean;
  readonly halfOpen: boolean;
  on(event: 'open', listener: () => void): unknown;
}

const breakers = new Map<ObservedBreaker, string>();

/**
 * Shows a peer's circuit breaker on /metrics (`shelfmark_circuit_breaker_state`, and a count of
 * openings); returns how to stop (the client shut down).
 */
export function trackBreaker(peer: string, breaker: ObservedBreaker): () => void {
  breakers.set(breaker, peer);
  breaker.on('open', () => processMetrics().breakerOpenings.inc({ peer }));
  return () => breakers.delete(breaker);
}

export function processMetrics(): ProcessMetrics {
  if (instance) return instance;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const handling = new Histogram({
    name: 'shelfmark_event_handling_duration_seconds',
    help: 'Time a consumer took over one event (retries included), by consumer and outcome (handled, ignored, dead-lettered, failed).',
    labelNames: ['consumer', 'outcome'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
    registers: [registry],
  });
  const deadLetters = new Counter({
    name: 'shelfmark_dead_letters_total',
    help: 'Events a consumer gave up on (contract violation or handler failing every attempt), by consumer.',
    labelNames: ['consumer'] as const,
    registers: [registry],
  });
  const lagByPartition = new Map<string, Map<string, number>>();
  new Gauge({
    name: 'shelfmark_consumer_lag_messages',
    help: 'Messages behind the end of the log, summed over the partitions this process consumes, by consumer (Kafka only).',
    labelNames: ['consumer'] as const,
    registers: [registry],
    collect() {
      for (const [consumer, partitions] of lagByPartition) {
        let sum = 0;
        for (const lag of partitions.values()) sum += lag;
        this.set({ consumer }, sum);
      }
    },
  });
  const published = new Counter({
    name: 'shelfmark_events_published_total',
    help: 'Events the outbox relay published, by event type (shelfmark.<context>.<event>.v<N>: a fixed set).',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'shelfmark_outbox_pending_events',
    help: 'Events recorded but not yet published, by aggregate type (read at scrape, up to 1,000 aggregates per type).',
    labelNames: ['aggregate'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { aggregate, pending } of await relayBacklogs()) this.inc({ aggregate }, pending);
    },
  });
  new Gauge({
    name: 'shelfmark_outbox_oldest_event_age_seconds',
    help: 'Age of the oldest event not yet published, by aggregate type; 0 when the outbox is empty.',
    labelNames: ['aggregate'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const now = Date.now();
      for (const { aggregate, oldest } of await relayBacklogs()) {
        const age = oldest ? Math.max(0, (now - oldest.getTime()) / 1000) : 0;
        this.set({ aggregate }, age);
      }
    },
  });
  const sagas = new Counter({
    name: 'shelfmark_saga_outcomes_total',
    help: 'How sagas ended: confirmed, refused, compensated (outcome unknown, undone), recovered (finished by recovery after a crash or timeout), by saga.',
    labelNames: ['saga', 'outcome'] as const,
    registers: [registry],
  });
  const subscriptionMessages = new Counter({
    name: 'shelfmark_subscription_messages_total',
    help: 'Payloads pushed to subscribers (graphql-ws and SSE).',
    registers: [registry],
  });
  observeEvents({
    delivered(consumer, outcome, seconds) {
      const label = consumerLabel(consumer);
      handling.observe({ consumer: label, outcome }, seconds);
      if (outcome === 'dead-lettered') deadLetters.inc({ consumer: label });
    },
    lag(consumer, topic, partition, messages) {
      const label = consumerLabel(consumer);
      let partitions = lagByPartition.get(label);
      if (!partitions) lagByPartition.set(label, (partitions = new Map<string, number>()));
      partitions.set(`${topic}/${partition}`, messages);
    },
    published(events) {
      for (const { type } of events) published.inc({ type });
    },
    saga(saga, outcome) {
      sagas.inc({ saga, outcome });
    },
  });
  const subgraphFetches = new Histogram({
    name: 'shelfmark_subgraph_fetch_duration_seconds',
    help: 'Duration of the router’s calls to each subgraph, by subgraph and outcome (ok; error: an HTTP error or no answer).',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const answerCache = new Counter({
    name: 'shelfmark_answer_cache_total',
    help: 'The embedded router’s answer cache, per subgraph: hit (served from the cache), miss (asked the subgraph and kept its answer), changed (asked it, but its database wrote meanwhile, so not kept).',
    labelNames: ['subgraph', 'result'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'shelfmark_circuit_breaker_state',
    help: 'State of the circuit breaker of calls to a peer subgraph: 0 closed, 0.5 half-open, 1 open (the worst of this process’s clients of that peer).',
    labelNames: ['peer'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const worst = new Map<string, number>();
      for (const [breaker, peer] of breakers) {
        const state = breaker.opened ? 1 : breaker.halfOpen ? 0.5 : 0;
        worst.set(peer, Math.max(worst.get(peer) ?? 0, state));
      }
      for (const [peer, state] of worst) this.set({ peer }, state);
    },
  });
  const breakerOpenings = new Counter({
    name: 'shelfmark_circuit_breaker_opened_total',
    help: 'Times the circuit breaker of calls to a peer subgraph opened.',
    labelNames: ['peer'] as const,
    registers: [registry],
  });
  const operations = new Histogram({
    name: 'shelfmark_graphql_operation_duration_seconds',
    help: 'Duration of GraphQL operations, by component, operation name (known names only, else "other") and outcome.',
    labelNames: ['component', 'operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'shelfmark_graphql_errors_total',
    help: 'GraphQL errors returned, by component and code.',
    labelNames: ['component', 'code'] as const,
    registers: [registry],
  });
  instance = {
    registry,
    subscriptionMessages,
    subgraphFetches,
    answerCache,
    breakerOpenings,
    operations,
    errors,
  };
  return instance;
}
