import {
  defineConsumer,
  deliver,
  MemoryDeadLetterSink,
  OutboxRelay,
  recordSagaOutcome,
  silentLogger,
  type CloudEvent,
  type EventBus,
  type OutboxStore,
  type PendingEvents,
} from '@shelfmark/events';
import { aBookAdded } from '../../../events/test/support/builders';
import { EventEmitter } from 'node:events';
import { consumerLabel, createMetrics, OperationNames, processMetrics, trackBreaker } from '../src';

/** The value of one sample of `name` with exactly these labels, as /metrics shows it. */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = await processMetrics().registry.getSingleMetric(name)?.get();
  const found = metric?.values.find(
    (value) =>
      (value as { metricName?: string }).metricName === undefined &&
      Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted) &&
      Object.keys(value.labels).length === Object.keys(labels).length,
  );
  return found?.value;
}

/** An outbox holding what it was given, whose bus refuses everything: nothing ever leaves it. */
function stuckOutbox(type: string, events: CloudEvent[]): OutboxStore {
  return {
    type,
    pending: (limit: number): Promise<PendingEvents[]> =>
      Promise.resolve(
        events.slice(0, limit).map((event) => ({ aggregate: { type, id: event.subject }, events: [event] })),
      ),
    markPublished: () => Promise.resolve(),
  };
}

const refusingBus: EventBus = {
  publish: () => Promise.reject(new Error('broker unavailable')),
  subscribe: () => Promise.resolve(),
  subscribeGroup: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

describe('process metrics', () => {
  it('shows the outbox backlog of a running relay and the age of its oldest event, and forgets a stopped one', async () => {
    const now = Date.now();
    const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000);
    const events: CloudEvent[] = [30, 90, 5].map((ago) => ({ ...aBookAdded(), time: at(ago).toISOString() }));
    const relay = new OutboxRelay([stuckOutbox('Book', events), stuckOutbox('Copy', [])], refusingBus, {
      pollIntervalMs: 60_000,
      logger: silentLogger,
    });
    processMetrics();
    relay.start();
    try {
      expect(await sample('shelfmark_outbox_pending_events', { aggregate: 'Book' })).toBe(3);
      expect(await sample('shelfmark_outbox_pending_events', { aggregate: 'Copy' })).toBe(0);
      const age = (await sample('shelfmark_outbox_oldest_event_age_seconds', { aggregate: 'Book' }))!;
      // The oldest event's age when the scrape ran: between its age at `now` and its age now, however
      // long the scrape took on a busy machine (a bound from the clock, not a time budget).
      const oldestAgeNow = (Date.now() - at(90).getTime()) / 1000;
      expect(age).toBeGreaterThanOrEqual(90);
      expect(age).toBeLessThanOrEqual(oldestAgeNow);
      expect(await sample('shelfmark_outbox_oldest_event_age_seconds', { aggregate: 'Copy' })).toBe(0);
    } finally {
      await relay.stop();
    }
    expect(await sample('shelfmark_outbox_pending_events', { aggregate: 'Book' })).toBeUndefined();
  });

  it('counts published events by type (circulation counts come from these)', async () => {
    processMetrics();
    const type = 'shelfmark.catalogue.book-added.v1';
    const before = (await sample('shelfmark_events_published_total', { type })) ?? 0;
    const published: CloudEvent[] = [];
    const outbox = stuckOutbox('Book', [aBookAdded(), aBookAdded()]);
    const relay = new OutboxRelay(
      [{ ...outbox, pending: async (limit) => (published.length ? [] : outbox.pending(limit)) }],
      { ...refusingBus, publish: (events) => Promise.resolve(void published.push(...events)) },
    );
    await relay.drain();
    expect(published).toHaveLength(2);
    expect(await sample('shelfmark_events_published_total', { type })).toBe(before + 2);
  });

  it('counts saga outcomes by saga and outcome', async () => {
    processMetrics();
    const before =
      (await sample('shelfmark_saga_outcomes_total', { saga: 'borrow', outcome: 'compensated' })) ?? 0;
    recordSagaOutcome('borrow', 'compensated');
    recordSagaOutcome('borrow', 'compensated');
    recordSagaOutcome('borrow', 'confirmed');
    expect(await sample('shelfmark_saga_outcomes_total', { saga: 'borrow', outcome: 'compensated' })).toBe(
      before + 2,
    );
    expect(
      await sample('shelfmark_saga_outcomes_total', { saga: 'borrow', outcome: 'confirmed' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('counts a dead letter and times each delivery by consumer and outcome', async () => {
    processMetrics();
    const failing = defineConsumer({
      name: 'analytics.JamOnBookAdded',
      types: ['shelfmark.catalogue.book-added.v1'],
      handle: () => Promise.reject(new Error('jammed')),
    });
    const fine = defineConsumer({
      ...failing,
      name: 'analytics.CountOnBookAdded',
      handle: () => Promise.resolve(),
    });
    const options = {
      retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 1 },
      deadLetters: new MemoryDeadLetterSink(),
      logger: silentLogger,
    };
    expect(await deliver(failing, aBookAdded(), options)).toBe('dead-lettered');
    expect(await deliver(fine, aBookAdded(), options)).toBe('handled');
    expect(await sample('shelfmark_dead_letters_total', { consumer: 'analytics.JamOnBookAdded' })).toBe(1);
    expect(
      await sample('shelfmark_dead_letters_total', { consumer: 'analytics.CountOnBookAdded' }),
    ).toBeUndefined();
    const count = async (consumer: string, outcome: string) =>
      (
        await processMetrics().registry.getSingleMetric('shelfmark_event_handling_duration_seconds')?.get()
      )?.values.find(
        (v) =>
          (v as { metricName?: string }).metricName === 'shelfmark_event_handling_duration_seconds_count' &&
          v.labels['consumer'] === consumer &&
          v.labels['outcome'] === outcome,
      )?.value;
    expect(await count('analytics.JamOnBookAdded', 'dead-lettered')).toBe(1);
    expect(await count('analytics.CountOnBookAdded', 'handled')).toBe(1);
  });

  it('shows each peer’s circuit breaker as closed, half-open or open, and counts its openings', async () => {
    processMetrics();
    const breaker = Object.assign(new EventEmitter(), { opened: false, halfOpen: false });
    const untrack = trackBreaker('inventory', breaker);
    expect(await sample('shelfmark_circuit_breaker_state', { peer: 'inventory' })).toBe(0);
    breaker.opened = true;
    breaker.emit('open');
    expect(await sample('shelfmark_circuit_breaker_state', { peer: 'inventory' })).toBe(1);
    expect(await sample('shelfmark_circuit_breaker_opened_total', { peer: 'inventory' })).toBe(1);
    breaker.opened = false;
    breaker.halfOpen = true;
    expect(await sample('shelfmark_circuit_breaker_state', { peer: 'inventory' })).toBe(0.5);
    untrack();
    expect(await sample('shelfmark_circuit_breaker_state', { peer: 'inventory' })).toBeUndefined();
  });

  it('labels the router’s per-process subscription feed as one consumer', () => {
    expect(consumerLabel('router.host-1.4f1c2d')).toBe('router.subscriptions');
    expect(consumerLabel('inventory.LendCopyOnLoanBorrowed')).toBe('inventory.LendCopyOnLoanBorrowed');
  });

  it('serves the process metrics with each server’s own, labelled by component', async () => {
    const metrics = createMetrics('loans');
    const text = await metrics.registry.metrics();
    expect(text).toContain('shelfmark_outbox_oldest_event_age_seconds');
    expect(text).toMatch(/process_cpu_user_seconds_total\{component="loans"\}/);
  });

  it('keeps each component’s operations apart, all on any server of the process (npm start: the router’s)', async () => {
    createMetrics('inventory').operations.observe('ReserveCopies', false, performance.now());
    createMetrics('router').operations.error('NO_COPY_AVAILABLE');
    const text = await createMetrics('router').registry.metrics();
    expect(text).toMatch(
      /shelfmark_graphql_operation_duration_seconds_count\{component="inventory",operation="ReserveCopies",outcome="ok"\} 1/,
    );
    expect(text).toMatch(/shelfmark_graphql_errors_total\{component="router",code="NO_COPY_AVAILABLE"\} 1/);
  });
});

describe('operation names as labels', () => {
  it('keeps the first known names, then says other; anonymous without a name; nothing malformed', () => {
    const names = new OperationNames(2);
    expect(names.label(undefined)).toBe('anonymous');
    expect(names.label('BorrowBooks')).toBe('BorrowBooks');
    expect(names.label('bad name; drop table')).toBe('other');
    expect(names.label('SearchBooks')).toBe('SearchBooks');
    expect(names.label('Third')).toBe('other');
    expect(names.label('BorrowBooks')).toBe('BorrowBooks');
  });
});
