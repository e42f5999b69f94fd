import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  createEvent,
  defineConsumer,
  EventContext,
  InProcessEventBus,
  OutboxRelay,
  type CloudEvent,
} from '@shelfmark/events';
import { Member } from '../../../events/test/support/Member';
import { MemoryOutboxStore } from '../../../events/test/support/MemoryOutboxStore';
import { shutdownTelemetry, startTelemetry, telemetryEnv, tracingRequested } from '../src';
import { dropTraceHeaders } from '../src/sdk';

describe('when tracing is on', () => {
  it('is asked for by an OTLP endpoint or an exporter, and refused by none or OTEL_SDK_DISABLED', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_SERVICE_NAME: 'loans' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c' })).toBe(
      false,
    );
    expect(tracingRequested({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c' })).toBe(
      false,
    );
  });

  it('passes the OTEL_* variables on to a child process under its own service name, or nothing', () => {
    expect(telemetryEnv({ PATH: '/bin' }, 'loans')).toEqual({});
    expect(
      telemetryEnv(
        {
          PATH: '/bin',
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
          OTEL_SERVICE_NAME: 'all',
          OTEL_TRACES_SAMPLER: 'always_on',
        },
        'loans',
      ),
    ).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
      OTEL_SERVICE_NAME: 'loans',
      OTEL_TRACES_SAMPLER: 'always_on',
    });
  });

  it('replaces a forwarded traceparent on an outgoing undici request by its own (array or string headers)', () => {
    const array = { headers: ['traceparent', '00-a-b-01', 'x-request-id', 'r', 'TraceState', 'k=v'] };
    dropTraceHeaders(array);
    expect(array.headers).toEqual(['x-request-id', 'r']);
    const text = { headers: 'traceparent: 00-a-b-01\r\nx-request-id: r\r\n' };
    dropTraceHeaders(text);
    expect(text.headers).toBe('x-request-id: r\r\n');
  });
});

/**
 * The embedded shape, with an in-memory exporter: what a request records, the relay publishes and
 * every consumer handles is one trace, each consumer's span a child of the span that recorded the
 * event, and what a consumer records in turn a child of the consumer's span.
 */
describe('tracing the in-process bus and the outbox relay', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => startTelemetry({ exporter, serviceName: 'test' }));
  afterAll(() => shutdownTelemetry());

  it('puts the relay and every consumer of an event in the trace of the request that recorded it', async () => {
    const bus = new InProcessEventBus();
    const recordedByConsumer: CloudEvent[] = [];
    for (const name of ['analytics.CountSomething', 'notifications.MailSomething']) {
      await bus.subscribe(
        defineConsumer({
          name,
          types: ['shelfmark.members.member-registered.v1'],
          handle: () => {
            recordedByConsumer.push(
              createEvent('shelfmark.members.member-card-issued.v1', 'm-1', {
                memberId: 'm-1',
                cardNumber: 'C-1',
                issuedAt: '2026-01-01T00:00:00.000Z',
                expiresAt: '2027-01-01T00:00:00.000Z',
              }),
            );
            return Promise.resolve();
          },
        }),
      );
    }
    bus.open();
    const store = new MemoryOutboxStore<Member>('Member');
    const relay = new OutboxRelay([store], bus);

    // A request's span: the member is registered (and its event recorded) inside it.
    trace.getTracer('test').startActiveSpan('POST /graphql', (span) => {
      store.save(EventContext.run({ correlationId: 'r-1' }, () => Member.register('m-1')));
      span.end();
    });
    const recorded = [...store.aggregates.get('m-1')!.outbox][0]!;
    expect(recorded.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const [, traceId, recorder] = recorded.traceparent!.split('-');

    await relay.drain();
    await bus.close();
    const spans = exporter.getFinishedSpans();
    const named = (prefix: string) => spans.filter((s) => s.name.startsWith(prefix));
    const publish = named('outbox publish Member');
    expect(publish).toHaveLength(1);
    expect(publish[0]!.spanContext().traceId).toBe(traceId);
    expect(parentOf(publish[0]!)).toBe(recorder);

    const consumers = named('process ');
    expect(consumers.map((s) => s.name).sort()).toEqual([
      'process analytics.CountSomething',
      'process notifications.MailSomething',
    ]);
    for (const consumer of consumers) {
      expect(consumer.spanContext().traceId).toBe(traceId);
      expect(parentOf(consumer)).toBe(recorder);
      expect(consumer.attributes['shelfmark.delivery.outcome']).toBe('handled');
    }
    // What a consumer records continues from its span.
    const consumerSpanIds = consumers.map((s) => s.spanContext().spanId);
    for (const event of recordedByConsumer) {
      const [, eventTrace, eventSpan] = event.traceparent!.split('-');
      expect(eventTrace).toBe(traceId);
      expect(consumerSpanIds).toContain(eventSpan);
    }
  });
});

function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}
