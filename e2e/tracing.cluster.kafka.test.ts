import {
  type GraphQLRequest,
  type GraphQLResponse,
  otlpReceiver,
  type ReceivedSpan,
  waitFor,
} from '@shelfmark/testing';
import { randomBytes } from 'node:crypto';
import { AddBook, AddCopies, BorrowBooks, Login, RegisterMember } from './operations';
import { startSuiteCluster, type SuiteCluster } from './support/cluster';

const ADMIN = { email: 'admin@tracing.test', password: 'tracing admin password' };

/**
 * Done means of issue 12 (tracing): `start:cluster` with OTEL_EXPORTER_OTLP_ENDPOINT set shows one
 * borrow as one trace across the processes and Kafka. Eight processes export to a receiver here;
 * the borrow is sent with a traceparent of our own, so its trace id is known.
 */
describe('One borrow is one trace across the cluster and Kafka (OpenTelemetry, OTLP)', () => {
  let suite: SuiteCluster;
  let request: GraphQLRequest;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    receiver = await otlpReceiver();
    // What an operator sets: the collector's address. start:cluster passes it on to every process.
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = receiver.url;
    process.env['OTEL_BSP_SCHEDULE_DELAY'] = '200';
    suite = await startSuiteCluster({ name: 'tracing', port: 4600, admin: ADMIN });
    ({ request } = suite);
  });
  afterAll(async () => {
    await suite?.close();
    process.env = saved;
    receiver?.close();
  });

  async function eventually<T>(attempt: () => Promise<GraphQLResponse<T>>): Promise<GraphQLResponse<T>> {
    return waitFor(async () => {
      const response = await attempt();
      return response.errors ? undefined : response;
    });
  }

  it('follows the borrow from the router through loans, inventory, MongoDB, the Kafka publish and every consumer', async () => {
    const admin = (await request(Login, ADMIN)).data!.login.token;
    const added = await request(
      AddBook,
      { input: { isbn: '9780141439518', title: 'Pride and Prejudice', authors: ['Jane Austen'] } },
      { token: admin },
    );
    const bookId = added.data!.addBook.id;
    // Inventory and loans learn of the book through Kafka.
    await eventually(() => request(AddCopies, { bookId, count: 1 }, { token: admin }));
    const reader = await request(RegisterMember, {
      input: { email: 'reader@tracing.test', password: 'reader password', name: 'Tracing Reader' },
    });
    const token = reader.data!.registerMember.token;

    const traceId = randomBytes(16).toString('hex');
    const borrowed = await eventually(() =>
      request(
        BorrowBooks,
        { bookIds: [bookId] },
        { token, headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` } },
      ),
    );
    expect(borrowed.data!.borrowBooks).toHaveLength(1);

    // start:cluster names each process's service as docker-compose.yml does: shelfmark-<name>.
    const inTrace = (service: string, matches: (span: ReceivedSpan) => boolean) => () =>
      receiver.spans.find((s) => s.traceId === traceId && s.service === `shelfmark-${service}` && matches(s));
    const SERVER = 2;
    const PRODUCER = 4;
    const CONSUMER = 5;
    // The router received it, and called loans; loans called inventory (HTTP server spans there).
    await waitFor(inTrace('router', (s) => s.kind === SERVER));
    await waitFor(inTrace('loans', (s) => s.kind === SERVER));
    await waitFor(inTrace('inventory', (s) => s.kind === SERVER));
    // Loans wrote to MongoDB inside the request (the driver's instrumentation).
    await waitFor(inTrace('loans', (s) => /^mongodb\.|^(find|insert|update|aggregate)\b/.test(s.name)));
    // Its relay published the events to Kafka: kafkajs's producer span, inside the relay's.
    const send = await waitFor(
      inTrace('loans', (s) => {
        if (!s.name.startsWith('send ') || s.kind !== PRODUCER) return false;
        const parent = receiver.spans.find((p) => p.spanId === s.parentSpanId);
        return parent?.name.startsWith('outbox publish ') === true && parent.kind === PRODUCER;
      }),
    );
    expect(send.traceId).toBe(traceId);

    // Every consumer of loan-borrowed handled it within the same trace, each in its own process.
    const consumers = {
      analytics: 'process analytics.',
      inventory: 'process inventory.',
      loans: 'process loans.',
      notifications: 'process notifications.',
      router: 'process router.',
    };
    for (const [service, prefix] of Object.entries(consumers)) {
      const span = await waitFor(inTrace(service, (s) => s.kind === CONSUMER && s.name.startsWith(prefix)));
      expect(span.parentSpanId).toBeDefined();
    }
    // The analytics consumer's span hangs off the span that recorded the event, in loans.
    const analytics = receiver.spans.find(
      (s) =>
        s.traceId === traceId &&
        s.service === 'shelfmark-analytics' &&
        s.name.startsWith('process analytics.'),
    )!;
    const parent = await waitFor(() =>
      receiver.spans.find((s) => s.traceId === traceId && s.spanId === analytics.parentSpanId),
    );
    expect(parent.service).toBe('shelfmark-loans');
  });

  /** The value of the first sample of `name` carrying these labels on a process's /metrics. */
  async function scrape(port: number, name: string, labels: Record<string, string> = {}) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const line = text
      .split('\n')
      .find(
        (l) =>
          (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
          Object.entries(labels).every(([key, value]) => l.includes(`${key}="${value}"`)),
      );
    return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  const atLeast = (port: number, name: string, labels: Record<string, string>, least = 1) =>
    waitFor(async () => {
      const value = await scrape(port, name, labels);
      return value !== undefined && value >= least ? value : undefined;
    });

  it('serves the borrow’s metrics on every process: RED at the router, the saga and outbox in loans, consumers everywhere', async () => {
    const [router, loans, analytics, notifications] = [4600, 4604, 4606, 4607];
    await atLeast(router, 'shelfmark_graphql_operation_duration_seconds_count', {
      component: 'router',
      operation: 'BorrowBooks',
      outcome: 'ok',
    });
    await atLeast(router, 'shelfmark_subgraph_fetch_duration_seconds_count', {
      subgraph: 'loans',
      outcome: 'ok',
    });
    expect(await scrape(router, 'shelfmark_subscribers')).toBe(0);
    await atLeast(loans, 'shelfmark_saga_outcomes_total', { saga: 'borrow', outcome: 'confirmed' });
    await atLeast(loans, 'shelfmark_events_published_total', { type: 'shelfmark.loans.loan-borrowed.v1' });
    expect(
      await scrape(loans, 'shelfmark_outbox_oldest_event_age_seconds', { aggregate: 'Loan' }),
    ).toBeDefined();
    expect(await scrape(loans, 'shelfmark_circuit_breaker_state', { peer: 'inventory' })).toBe(0);
    const consumer = 'analytics.CountBorrowOnLoanBorrowed';
    await atLeast(analytics, 'shelfmark_event_handling_duration_seconds_count', {
      consumer,
      outcome: 'handled',
    });
    expect(await scrape(analytics, 'shelfmark_consumer_lag_messages', { consumer })).toBeDefined();
    await atLeast(notifications, 'shelfmark_event_handling_duration_seconds_count', {
      consumer: 'notifications.MailReceiptOnLoanBorrowed',
      outcome: 'handled',
    });
    await atLeast(notifications, 'shelfmark_mail_attempts_total', { outcome: 'sent' });
    for (const port of [4600, 4601, 4602, 4603, 4604, 4605, 4606, 4607])
      expect(await scrape(port, 'nodejs_eventloop_lag_p99_seconds')).toBeDefined();
  });
});
