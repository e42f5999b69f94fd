import {
  context,
  propagation,
  ProxyTracerProvider,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Link,
  type Tracer,
} from '@opentelemetry/api';
import type { CloudEvent } from './envelope';

/**
 * What the bus tells the process's metrics (docs/operations.md#metrics). Kept as plain callbacks
 * so the events package needs no metrics library; the subgraph kit registers the Prometheus one.
 */
export interface EventObserver {
  /** A delivery finished: handled, ignored, dead-lettered, or failed (the dead-letter sink threw). */
  delivered?(consumer: string, outcome: string, seconds: number): void;
  /** A Kafka consumer's lag on one partition, read from the batch it just handled. */
  lag?(consumer: string, topic: string, partition: number, messages: number): void;
  /** The outbox relay published these events (of one aggregate). */
  published?(events: readonly CloudEvent[]): void;
  /** A saga ended (`borrow`: confirmed, refused, compensated, recovered). */
  saga?(saga: string, outcome: string): void;
}

/** What a relay has not published yet, per aggregate type (what /metrics shows of the outbox). */
export interface OutboxBacklog {
  readonly aggregate: string;
  /** Unpublished events, counted over at most {@link BACKLOG_LIMIT} aggregates. */
  readonly pending: number;
  /** When the oldest of them was recorded; undefined when there is none. */
  readonly oldest: Date | undefined;
}

/** Aggregates read per store when /metrics asks for the backlog: a bound on the scrape's cost. */
export const BACKLOG_LIMIT = 1_000;

interface BacklogSource {
  backlog(): Promise<readonly OutboxBacklog[]>;
}

const relays = new Set<BacklogSource>();

/** A running relay makes its outbox visible to /metrics; stopping it hides it again. */
export function trackRelay(relay: BacklogSource, running: boolean): void {
  if (running) relays.add(relay);
  else relays.delete(relay);
}

/** The backlog of every running relay of this process. */
export async function relayBacklogs(): Promise<OutboxBacklog[]> {
  const all = await Promise.all([...relays].map((relay) => relay.backlog()));
  return all.flat();
}

/** Counts how a saga ended, for /metrics (`shelfmark_saga_outcomes_total`). */
export function recordSagaOutcome(
  saga: string,
  outcome: 'confirmed' | 'refused' | 'compensated' | 'recovered',
): void {
  for (const observer of observers) observer.saga?.(saga, outcome);
}

const observers = new Set<EventObserver>();

/** Registers an observer for this process; returns how to remove it. */
export function observeEvents(observer: EventObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export function notifyDelivered(consumer: string, outcome: string, seconds: number): void {
  for (const observer of observers) observer.delivered?.(consumer, outcome, seconds);
}

export function notifyLag(consumer: string, topic: string, partition: number, messages: number): void {
  for (const observer of observers) observer.lag?.(consumer, topic, partition, messages);
}

export function notifyPublished(events: readonly CloudEvent[]): void {
  for (const observer of observers) observer.published?.(events);
}

/**
 * A consumer's name as a label or span name: its own, except the router's subscription feed, whose
 * group is named per process (`router.<host>.<uuid>`) and is one consumer to an operator.
 */
export function consumerLabel(name: string): string {
  return name.startsWith('router.') ? 'router.subscriptions' : name;
}

const TRACER = '@shelfmark/events';
let tracer: Tracer | undefined;

/**
 * The tracer once a tracer provider is registered (`@shelfmark/telemetry`), else undefined: with
 * tracing off, the hooks below cost one call and allocate nothing.
 */
function activeTracer(): Tracer | undefined {
  if (tracer) return tracer;
  const provider = trace.getTracerProvider();
  tracer =
    provider instanceof ProxyTracerProvider ? provider.getDelegateTracer(TRACER) : provider.getTracer(TRACER);
  return tracer;
}

/** The W3C traceparent of the span active now, if tracing is on and a span is active. */
export function activeTraceparent(): string | undefined {
  if (!activeTracer()) return undefined;
  const span = trace.getSpan(context.active())?.spanContext();
  if (!span || !trace.isSpanContextValid(span)) return undefined;
  return `00-${span.traceId}-${span.spanId}-0${(span.traceFlags & 1).toString(16)}`;
}

/** The context an event's `traceparent` names (the span that recorded it), as a parent. */
function eventContext(traceparent: string | undefined) {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

/**
 * Runs a consumer's handling of one event in a CONSUMER span that is a child of the span that
 * recorded the event (its `traceparent`), so every consumer of what a request caused joins the
 * request's trace, whichever bus carried it. The span the bus adapter had open (kafkajs's
 * receive/process span) is linked. Returns what `work` returns; the span records its outcome.
 */
export function traceDelivery<T extends string>(
  consumer: string,
  event: CloudEvent,
  work: () => Promise<T>,
): Promise<T> {
  const active = activeTracer();
  if (!active) return work();
  const around = trace.getSpan(context.active())?.spanContext();
  const links: Link[] = around && trace.isSpanContextValid(around) ? [{ context: around }] : [];
  return active.startActiveSpan(
    `process ${consumerLabel(consumer)}`,
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': event.id,
        'shelfmark.event.type': event.type,
        'shelfmark.correlation_id': event.correlationid,
      },
    },
    eventContext(event.traceparent),
    async (span) => {
      try {
        const outcome = await work();
        span.setAttribute('shelfmark.delivery.outcome', outcome);
        if (outcome === 'dead-lettered') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
        return outcome;
      } catch (error) {
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/**
 * Runs the relay's publication of one aggregate's events in a PRODUCER span, a child of the span
 * that recorded the first of them; the Kafka producer's span (kafkajs instrumentation) nests in
 * it and carries the context to the broker in the message headers.
 */
export function tracePublication<T>(
  aggregateType: string,
  events: readonly CloudEvent[],
  work: () => Promise<T>,
): Promise<T> {
  const active = activeTracer();
  if (!active) return work();
  const first = events[0]?.traceparent;
  const links: Link[] = [];
  for (const event of events) {
    if (!event.traceparent || event.traceparent === first) continue;
    const linked = trace.getSpan(eventContext(event.traceparent))?.spanContext();
    if (linked) links.push({ context: linked });
  }
  return active.startActiveSpan(
    `outbox publish ${aggregateType}`,
    {
      kind: SpanKind.PRODUCER,
      links,
      attributes: {
        'messaging.batch.message_count': events.length,
        'shelfmark.aggregate.type': aggregateType,
      },
    },
    eventContext(first),
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : String(error),
        });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
