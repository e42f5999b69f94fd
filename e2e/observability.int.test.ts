import { InProcessEventBus } from '@shelfmark/events';
import { startNotifications } from '@shelfmark/notifications';
import { createRouter } from '@shelfmark/router';
import { readSupergraph, SUBGRAPH_NAMES } from '@shelfmark/schema';
import { createLogger, createMetrics, loadOrCreateKeys, parseDatabaseUrl } from '@shelfmark/subgraph-kit';
import { tempDir } from '@shelfmark/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const OBSERVABILITY = join(ROOT, 'deploy', 'observability');

/** Names as a Prometheus server stores them: a histogram is its _bucket, _sum and _count series. */
function seriesNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name! + suffix);
    else if (type === 'summary') for (const suffix of ['', '_sum', '_count']) names.add(name! + suffix);
    else names.add(name!);
  }
  return names;
}

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool']);
const OPERATORS = new Set(['and', 'or', 'unless', 'offset', 'atan2', 'inf', 'nan']);

/**
 * The metric names a PromQL expression reads: identifiers that are not functions (followed by a
 * parenthesis), keywords, label names (in `{…}` or in a `by (…)` list), strings, ranges or numbers.
 */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names: string[] = [];
  for (const match of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const name = match[0];
    const after = stripped.slice(match.index + name.length);
    const before = stripped[match.index - 1] ?? ' ';
    if (/^\s*\(/.test(after) || KEYWORDS.has(name) || OPERATORS.has(name.toLowerCase())) continue;
    if (/[0-9.$]/.test(before)) continue; // 1e3, a duration's unit, a Grafana variable
    names.push(name);
  }
  return names;
}

interface Panel {
  readonly title: string;
  readonly type: string;
  readonly datasource?: { readonly uid: string };
  readonly targets?: readonly { readonly expr: string }[];
}
interface AlertRule {
  readonly alert: string;
  readonly expr: string;
}

describe('dashboards and alerts as code', () => {
  const dir = tempDir('shelfmark-observability-');
  const exported = new Set<string>(['up']); // Prometheus's own series for every target
  const dashboard = JSON.parse(
    readFileSync(join(OBSERVABILITY, 'grafana', 'dashboards', 'shelfmark.json'), 'utf8'),
  ) as { uid: string; panels: Panel[] };
  const alerts = parse(readFileSync(join(OBSERVABILITY, 'prometheus', 'alerts.yml'), 'utf8')) as {
    groups: { rules: AlertRule[] }[];
  };
  const rules = alerts.groups.flatMap((group) => group.rules);

  beforeAll(async () => {
    // What each kind of process serves on /metrics, built as the processes build it.
    const bus = new InProcessEventBus();
    const logger = createLogger('silent');
    const router = await createRouter({
      supergraphSdl: readSupergraph(),
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:9/${name}`])),
      keys: loadOrCreateKeys(dir.path),
      logger,
      port: 0,
      host: '127.0.0.1',
      production: false,
      playground: false,
      events: { bus },
    });
    try {
      const response = await fetch(new URL('/metrics', router.url));
      for (const name of seriesNames(await response.text())) exported.add(name);
    } finally {
      await router.close();
    }
    for (const name of seriesNames(await createMetrics('loans').registry.metrics())) exported.add(name);
    const worker = await startNotifications({
      database: parseDatabaseUrl(`sqlite:${join(dir.path, 'notifications.db')}`),
      bus,
      delivery: { folder: join(dir.path, 'mail') },
      from: 'Shelfmark <library@shelfmark.test>',
      logger,
    });
    try {
      for (const name of seriesNames(await worker.registry.metrics())) exported.add(name);
    } finally {
      await worker.close();
      await bus.close();
    }
  });
  afterAll(() => dir.cleanup());

  it('reads metric names out of PromQL', () => {
    expect(
      metricNamesIn(
        'sum by (le, operation) (rate(shelfmark_x_bucket{component="router",code=~"A|B"}[$__rate_interval])) / on (job) group_left foo_total offset 5m > 1e3',
      ),
    ).toEqual(['shelfmark_x_bucket', 'foo_total']);
    expect(metricNamesIn('up{job="shelfmark"} == 0')).toEqual(['up']);
  });

  it('collects the metrics the code exports, histograms with their series', () => {
    for (const name of [
      'shelfmark_graphql_operation_duration_seconds_bucket',
      'shelfmark_subgraph_fetch_duration_seconds_count',
      'shelfmark_subscribers',
      'shelfmark_subscription_messages_total',
      'shelfmark_event_handling_duration_seconds_bucket',
      'shelfmark_dead_letters_total',
      'shelfmark_consumer_lag_messages',
      'shelfmark_outbox_oldest_event_age_seconds',
      'shelfmark_saga_outcomes_total',
      'shelfmark_circuit_breaker_state',
      'shelfmark_mail_attempts_total',
      'shelfmark_mails',
      'nodejs_eventloop_lag_p99_seconds',
    ])
      expect(exported).toContain(name);
  });

  it('has a dashboard whose every query names only metrics the code exports', () => {
    const queries = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(queries.length).toBeGreaterThan(20);
    for (const panel of queries) {
      expect(panel.datasource?.uid).toBe('prometheus');
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const { expr } of panel.targets ?? []) {
        const names = metricNamesIn(expr);
        expect(names.length).toBeGreaterThan(0);
        for (const name of names)
          expect({ panel: panel.title, name, exported: exported.has(name) }).toEqual({
            panel: panel.title,
            name,
            exported: true,
          });
      }
    }
  });

  it('has alerts on dead letters, outbox age, consumer lag, error rate and open circuits, on exported metrics only', () => {
    const read = new Set(rules.flatMap((rule) => metricNamesIn(rule.expr)));
    for (const name of [
      'shelfmark_dead_letters_total',
      'shelfmark_outbox_oldest_event_age_seconds',
      'shelfmark_consumer_lag_messages',
      'shelfmark_graphql_errors_total',
      'shelfmark_circuit_breaker_state',
    ])
      expect(read).toContain(name);
    for (const rule of rules)
      for (const name of metricNamesIn(rule.expr))
        expect({ alert: rule.alert, name, exported: exported.has(name) }).toEqual({
          alert: rule.alert,
          name,
          exported: true,
        });
  });

  it('provisions the dashboard’s data source and scrapes every compose service on its port', () => {
    const datasources = parse(
      readFileSync(join(OBSERVABILITY, 'grafana', 'provisioning', 'datasources', 'prometheus.yml'), 'utf8'),
    ) as { datasources: { uid: string; url: string }[] };
    expect(datasources.datasources.map((d) => d.uid)).toContain('prometheus');

    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<string, { environment?: Record<string, unknown> }>;
    };
    const shelfmark = Object.entries(compose.services)
      .filter(([name]) => [...SUBGRAPH_NAMES, 'router', 'notifications'].includes(name))
      .map(([name, service]) => `${name}:${String(service.environment?.['PORT'])}`)
      .sort();
    expect(shelfmark).toHaveLength(SUBGRAPH_NAMES.length + 2);
    const prometheus = parse(readFileSync(join(OBSERVABILITY, 'prometheus', 'prometheus.yml'), 'utf8')) as {
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const targets = prometheus.scrape_configs
      .filter((job) => job.job_name === 'shelfmark')
      .flatMap((job) => job.static_configs.flatMap((config) => config.targets))
      .sort();
    expect(targets).toEqual(shelfmark);
  });
});
