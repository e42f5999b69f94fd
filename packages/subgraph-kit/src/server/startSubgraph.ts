import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { EntitySchema, MikroORM } from '@mikro-orm/core';
import type { RequestHandler, Response } from 'express';
import { EventContext, OutboxRelay, type Consumer, type EventBus, type Logger } from '@shelfmark/events';
import { OperationTypeNode, type GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type pino from 'pino';
import { identify } from '../auth/identify';
import type { TokenKeys } from '../auth/tokens';
import type { SubgraphContext } from '../graphql/context';
import { createErrorFormatter } from '../graphql/formatError';
import { textInputPlugin } from '../graphql/textInput';
import { createMetrics } from '../observability/metrics';
import { metricsPlugin } from '../observability/metricsPlugin';
import { MikroOrmOutboxStore } from '../persistence/MikroOrmOutboxStore';
import { openDatabase, type DatabaseConfig } from '../persistence/database';
import { DatabaseWrites } from '../persistence/sqliteConnection';
import type { PeerDirectory } from '../peers/PeerClient';
import { closeServer, createHttpApp, listen } from './httpServer';
import { inProcessEndpoint, type CacheableAnswers, type InProcessSubgraph } from './inProcess';
import { JobScheduler, systemClock, type Clock, type ScheduledJob } from './jobs';

/** What a subgraph's wiring can use once its database is open. */
export interface SubgraphRuntime {
  readonly orm: MikroORM;
  readonly logger: Logger;
  readonly keys: TokenKeys;
  /** The time, as this process tells it (tests move it). */
  readonly clock: Clock;
  /** Where the other subgraphs listen, for the few synchronous calls between contexts. */
  readonly peers: PeerDirectory;
}

/**
 * One bounded context as a process-ready federated subgraph. Each subgraph package exports a
 * factory returning this; `startSubgraph` runs it with its own database, HTTP server and relay.
 */
export interface SubgraphDefinition<Context extends SubgraphContext = SubgraphContext> {
  readonly name: string;
  readonly entities: readonly EntitySchema[];
  /** Aggregates whose outboxes the relay publishes, with their entity schema. */
  readonly aggregates: readonly EntitySchema[];
  /** Builds the federated schema; needs no database, so composition can run anywhere. */
  schema(): Promise<GraphQLSchema>;
  /** Adds the subgraph's use cases (and loaders) to the per-request context. */
  context(base: SubgraphContext, runtime: SubgraphRuntime): Context;
  /** The event consumers this subgraph runs. */
  consumers?(runtime: SubgraphRuntime): Consumer[];
  /** Runs once the database is open, before the subgraph serves (e.g. the admin bootstrap). */
  onStart?(runtime: SubgraphRuntime): Promise<void>;
  /** Work on a schedule (overdue detection, expiry, recovery of interrupted sagas). */
  jobs?(runtime: SubgraphRuntime): ScheduledJob[];
  /**
   * The answers that depend on nothing but this subgraph's own data, the caller and the request,
   * which the embedded router may keep until the database next writes (CacheableAnswers).
   */
  readonly cacheableAnswers?: CacheableAnswers;
}

export interface SubgraphOptions {
  readonly database: DatabaseConfig;
  readonly bus: EventBus;
  readonly keys: TokenKeys;
  readonly logger: pino.Logger;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Masks nothing extra today, but disables introspection-only conveniences in production. */
  readonly production?: boolean;
  readonly relayPollIntervalMs?: number;
  /**
   * Publish a mutation's events before answering it. With the in-process bus that means the
   * other contexts have applied them too, so a client that adds a book and then its copies never
   * races the bus (the embedded default). Over Kafka it only waits for the broker's ack. Either
   * way the answer does not wait for the events to be removed from the outbox afterwards
   * (`OutboxRelay.acknowledgeWoken`).
   */
  readonly publishBeforeResponding?: boolean;
  /** Defaults to the system clock. */
  readonly clock?: Clock;
  /** Where the other subgraphs listen. Defaults to knowing none. */
  readonly peers?: PeerDirectory;
  /**
   * How often scheduled jobs run; 0 runs them only when asked (`runJobs`). No default here: the
   * launcher's SHELFMARK_JOB_INTERVAL_SECONDS is the one.
   */
  readonly jobIntervalMs: number;
  /** The HTTP server's idle keep-alive timeout; defaults to SERVER_KEEP_ALIVE_TIMEOUT_MS. */
  readonly keepAliveTimeoutMs?: number;
  /**
   * Whether to open the HTTP endpoint (default true). The embedded system calls its subgraphs in
   * process ({@link RunningSubgraph.inProcess}) and opens no port for them.
   */
  readonly listen?: boolean;
}

export interface RunningSubgraph {
  readonly name: string;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql; `in-process:<name>` when it does not listen. */
  readonly url: string;
  readonly orm: MikroORM;
  readonly relay: OutboxRelay;
  /** The HTTP server; undefined when started with `listen: false`. */
  readonly server: Server | undefined;
  /** The same endpoint as a function call: no socket, no JSON (docs/architecture.md). */
  readonly inProcess: InProcessSubgraph;
  /** Runs every scheduled job once, now (as the clock tells it). */
  runJobs(): Promise<void>;
  close(): Promise<void>;
}

export async function startSubgraph(
  definition: SubgraphDefinition<SubgraphContext>,
  options: SubgraphOptions,
): Promise<RunningSubgraph> {
  const logger = options.logger.child({ subgraph: definition.name });
  // SQLite counts its writes, so answers read from it can be kept until the next one; MongoDB's
  // writes are not counted (nor, in the cluster, seen by the router's process).
  const writes = options.database.driver === 'sqlite' ? new DatabaseWrites() : undefined;
  const orm = await openDatabase(options.database, definition.entities as EntitySchema[], {
    ...(writes ? { writes } : {}),
  });
  const relay = new OutboxRelay(
    definition.aggregates.map(
      (schema) => new MikroOrmOutboxStore(orm, schema as never, schema.meta.className),
    ),
    options.bus,
    { logger, ...(options.relayPollIntervalMs ? { pollIntervalMs: options.relayPollIntervalMs } : {}) },
  );
  // Whatever a request or consumer commits with new events, the relay reads at once (only the
  // outboxes of the aggregate types that gained events) instead of at its next poll.
  orm.em.getEventManager().registerSubscriber({
    afterFlush: ({ uow }) => {
      const types = uow
        .getChangeSets()
        .filter((change) => (change.entity as { hasOutbox?: unknown }).hasOutbox === true)
        .map((change) => change.meta.className);
      if (types.length > 0) relay.wake([...new Set(types)]);
    },
  });

  const clock = options.clock ?? systemClock;
  const runtime: SubgraphRuntime = {
    orm,
    logger,
    keys: options.keys,
    clock,
    peers: options.peers ?? (() => undefined),
  };
  const scheduler = new JobScheduler(definition.jobs?.(runtime) ?? [], clock, logger);
  await definition.onStart?.(runtime);
  // One group for the subgraph's consumers (ADR 26): each event on their topics is fetched and
  // committed once for all of them. Each keeps its name, prefixed with the subgraph, for its dead
  // letters, metrics and logs (two contexts may both react to an event under the same name).
  const consumers = definition.consumers?.(runtime) ?? [];
  if (consumers.length > 0) {
    await options.bus.subscribeGroup(
      definition.name,
      consumers.map((consumer) => ({
        name: `${definition.name}.${consumer.name}`,
        types: consumer.types,
        handle: (event) => consumer.handle(event),
      })),
    );
  }

  const metrics = createMetrics(definition.name);
  const apollo = new ApolloServer<SubgraphContext>({
    schema: await definition.schema(),
    formatError: createErrorFormatter(logger, definition.name),
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    csrfPrevention: true,
    // The process owns shutdown (relays, databases, the bus); Apollo must not race it on SIGINT.
    stopOnTerminationSignals: false,
    plugins: [
      ...(options.publishBeforeResponding ? [publishBeforeResponding(relay)] : []),
      textInputPlugin(),
      metricsPlugin(metrics),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();

  const app = createHttpApp({
    apollo,
    registry: metrics.registry,
    health: {
      ready: async () => {
        if (!(await orm.isConnected())) throw new Error('database not connected');
      },
    },
    beforeGraphQL: [requestScope],
    context: ({ req, res }) =>
      requestContext({
        authorization: req.headers.authorization,
        requestId: requestIdOf(res),
        clientAddress:
          req.header('x-forwarded-for')?.split(',')[0]?.trim() || (req.socket.remoteAddress ?? 'unknown'),
      }),
  });
  // One context builder for both doors, so a call in process sees what an HTTP call would.
  async function requestContext(caller: {
    readonly authorization: string | undefined;
    readonly requestId: string;
    readonly clientAddress: string;
  }): Promise<SubgraphContext> {
    const identity = await identify(caller.authorization, options.keys.publicKey);
    const base: SubgraphContext = {
      em: orm.em.fork(),
      identity,
      authorization: caller.authorization ?? null,
      requestId: caller.requestId,
      clientAddress: caller.clientAddress,
    };
    return definition.context(base, runtime);
  }
  let closing: Promise<void> | undefined;
  const inProcess = inProcessEndpoint({
    name: definition.name,
    apollo,
    context: requestContext,
    isRunning: () => closing === undefined,
    ready: async () => {
      if (!(await orm.isConnected())) throw new Error('database not connected');
    },
    ...(writes && definition.cacheableAnswers
      ? { cache: { answers: definition.cacheableAnswers, writes } }
      : {}),
  });

  const listening =
    options.listen === false
      ? undefined
      : await listen(app, options.host ?? '127.0.0.1', options.port ?? 0, {
          ...(options.keepAliveTimeoutMs ? { keepAliveTimeoutMs: options.keepAliveTimeoutMs } : {}),
        });
  const server = listening?.server;
  const url = listening ? `${listening.url}/graphql` : `in-process:${definition.name}`;
  relay.start();
  scheduler.start(options.jobIntervalMs);
  logger.info({ url }, 'subgraph ready');

  return {
    name: definition.name,
    url,
    orm,
    relay,
    server,
    inProcess,
    runJobs: () => scheduler.runOnce(),
    close() {
      // Idempotent: a drill may stop a subgraph that the launcher stops again at shutdown.
      closing ??= (async () => {
        if (server) await closeServer(server);
        await scheduler.stop();
        await apollo.stop();
        await relay.stop();
        await orm.close();
      })();
      return closing;
    },
  };
}

function publishBeforeResponding(relay: OutboxRelay): ApolloServerPlugin<SubgraphContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        async willSendResponse({ operation }) {
          if (operation?.operation === OperationTypeNode.MUTATION) await relay.acknowledgeWoken();
        },
      }),
  };
}

/**
 * Gives a GraphQL request its one id — the caller's `x-request-id` (the router always sends one),
 * or a new one — and runs the rest of the request inside an {@link EventContext} carrying it and
 * the caller's `traceparent`. The request context, the events the request records (their
 * `correlationid`) and the calls it makes to peers (PeerClient forwards both headers) all read
 * this one scope, so one request has one id end to end.
 *
 * It is installed in front of the GraphQL route (`beforeGraphQL`) rather than after it: express
 * runs middleware in the order it was added, and AsyncLocalStorage only reaches what runs inside
 * `EventContext.run`, so the scope must be opened before Apollo handles the request.
 */
const requestScope: RequestHandler = (req, res, next) => {
  const requestId = req.header('x-request-id') ?? randomUUID();
  const traceparent = req.header('traceparent');
  res.locals['requestId'] = requestId;
  EventContext.run({ correlationId: requestId, ...(traceparent ? { traceparent } : {}) }, next);
};

function requestIdOf(res: Response): string {
  const requestId: unknown = res.locals['requestId'];
  if (typeof requestId !== 'string') throw new Error('requestScope did not run before the GraphQL route');
  return requestId;
}
