import { FileDeadLetterSink, InProcessEventBus } from '@shelfmark/events';
import { startNotifications, type RunningNotifications } from '@shelfmark/notifications';
import { createRouter, type RunningRouter, type WebAppOptions } from '@shelfmark/router';
import { readSupergraph, SUBGRAPH_NAMES, type SubgraphName } from '@shelfmark/schema';
import {
  createLogger,
  loadOrCreateKeys,
  startSubgraph,
  systemClock,
  type Clock,
  type InProcessSubgraph,
  type RunningSubgraph,
} from '@shelfmark/subgraph-kit';
import { join } from 'node:path';
import type { EmbeddedConfig } from './config';
import { subgraphDefinitions } from './topology';

export interface EmbeddedShelfmark {
  /** The router's GraphQL endpoint. */
  readonly url: string;
  readonly router: RunningRouter;
  readonly subgraphs: Readonly<Record<SubgraphName, RunningSubgraph>>;
  readonly bus: InProcessEventBus;
  /** The notifications worker: mails under `<data dir>/mail/`, or over SMTP with SMTP_URL. */
  readonly notifications: RunningNotifications;
  /** Runs every subgraph's scheduled jobs once, now (as the clock tells it), and waits for their events. */
  runJobs(): Promise<void>;
  /** Stops the router, then the subgraphs (their relays finish the pass they are in), then the bus. */
  close(): Promise<void>;
}

/**
 * The embedded default: all six subgraphs and the router in one process, each subgraph with its
 * own SQLite file under the data directory, talking through the in-process bus. The router and
 * loans call the subgraphs in process (function calls, no loopback HTTP); only the router listens.
 */
export interface EmbeddedOptions {
  /** The time every subgraph tells; tests pass one they can move. */
  readonly clock?: Clock;
  /** The built web app for the router to serve at `/` (see `prepareWebApp`); none without. */
  readonly web?: WebAppOptions;
}

export async function startEmbedded(
  config: EmbeddedConfig,
  options: EmbeddedOptions = {},
): Promise<EmbeddedShelfmark> {
  const clock = options.clock ?? systemClock;
  const logger = createLogger(config.logLevel, 'shelfmark', undefined, { production: config.production });
  const keys = loadOrCreateKeys(config.dataDir);
  const bus = new InProcessEventBus({
    logger: logger.child({ component: 'bus' }),
    deadLetters: new FileDeadLetterSink(join(config.dataDir, 'dead-letters.jsonl')),
  });
  const definitions = subgraphDefinitions(config.settings);
  // Loans calls inventory and members directly, in process (no socket, no JSON), once they started.
  const peers = new Map<string, InProcessSubgraph>();

  const started: RunningSubgraph[] = [];
  let notifications: RunningNotifications | undefined;
  try {
    for (const name of SUBGRAPH_NAMES) {
      started.push(
        await startSubgraph(definitions[name], {
          database: { driver: 'sqlite', path: join(config.dataDir, `${name}.sqlite`) },
          bus,
          keys,
          logger,
          // Called in process by the router and by their peers: no port is opened for them.
          listen: false,
          production: config.production,
          publishBeforeResponding: true,
          clock,
          peers: (peer) => peers.get(peer),
          jobIntervalMs: config.jobIntervalMs,
        }),
      );
      peers.set(name, started.at(-1)!.inProcess);
    }
    // The worker's consumers join the same bus before it opens, so it misses no event.
    const worker = await startNotifications({
      database: { driver: 'sqlite', path: join(config.dataDir, 'notifications.sqlite') },
      bus,
      delivery: config.notifications.smtpUrl
        ? { smtpUrl: config.notifications.smtpUrl }
        : { folder: join(config.dataDir, 'mail') },
      from: config.notifications.from,
      retry: config.notifications.retry,
      logger: logger.child({ component: 'notifications' }),
      clock,
    });
    notifications = worker;
    // Every consumer is subscribed: let the events flow (including any a crash left in an outbox).
    bus.open();
    const runJobs = async () => {
      for (const subgraph of started) await subgraph.runJobs();
      for (const subgraph of started) await subgraph.relay.publishOnce();
    };
    // Recovery first: finish or compensate what a crash interrupted before serving anyone.
    await runJobs();
    const subgraphs = Object.fromEntries(started.map((s) => [s.name, s])) as Record<
      SubgraphName,
      RunningSubgraph
    >;
    const router = await createRouter({
      supergraphSdl: readSupergraph(),
      subgraphUrls: {},
      inProcessSubgraphs: Object.fromEntries(started.map((s) => [s.name, s.inProcess])),
      answerCacheBytes: config.answerCacheBytes,
      keys,
      logger,
      port: config.port,
      ...(config.host ? { host: config.host } : {}),
      production: config.production,
      stackTraces: config.stackTraces,
      playground: config.playground,
      ...(options.web ? { web: options.web } : {}),
      subscriptions: config.subscriptions,
      // Subscriptions are fed by the in-process bus, as every subgraph's consumers are.
      events: { bus },
    });
    return {
      url: router.url,
      router,
      subgraphs,
      bus,
      notifications: worker,
      runJobs,
      async close() {
        await router.close();
        for (const subgraph of started.reverse()) await subgraph.close();
        await bus.close();
        await worker.close();
      },
    };
  } catch (error) {
    for (const subgraph of started.reverse()) await subgraph.close().catch(() => undefined);
    await bus.close();
    await notifications?.close().catch(() => undefined);
    throw error;
  }
}
