import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  bearerToken,
  closeServer,
  createHttpApp,
  createMetrics,
  metricsPlugin,
  keepAliveAgent,
  listen,
  observedGauge,
  type InProcessSubgraph,
  type TokenKeys,
} from '@shelfmark/subgraph-kit';
import type { EventBus } from '@shelfmark/events';
import type { GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type pino from 'pino';
import type { RouterContext } from './context';
import { createRouterErrorFormatter } from './formatError';
import { identityCache } from './identityCache';
import { installResponseShaping } from './responseShaping';
import { answerThrottledWith429, armorLimits, reportMissingValues, resolveOperationOrRefuse } from './guards';
import { playgroundRoutes } from './playground';
import { SubgraphDataSource } from './SubgraphDataSource';
import { AnswerCache } from './answerCache';
import { InProcessSubgraphDataSource } from './inProcessSubgraph';
import { webAppRoutes, type WebAppOptions } from './web';
import {
  ConnectionsPerAddress,
  defaultSubscriptionSettings,
  graphqlSseMiddleware,
  refuseSubscriptionsOverHttp,
  serveGraphqlWs,
  SubscriptionHub,
  SubscriptionPreparer,
  type SubscriptionSettings,
} from './subscriptions';

export interface RouterOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  readonly supergraphSdl: string;
  /** Where each subgraph answers, by name; overrides the URLs baked into the supergraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /**
   * Subgraphs running in this process, called without HTTP (InProcessSubgraphDataSource; the
   * embedded default). A subgraph named here is not looked up in `subgraphUrls`.
   */
  readonly inProcessSubgraphs?: Readonly<Record<string, InProcessSubgraph>>;
  /**
   * Bytes the answer cache may hold of in-process subgraphs' answers (answerCache.ts; ADR 0022);
   * 0 turns it off. Only subgraphs that declare cacheable answers and count their writes use it.
   */
  readonly answerCacheBytes?: number;
  readonly keys: Pick<TokenKeys, 'publicKey'>;
  readonly logger: pino.Logger;
  readonly port: number;
  /** Omit to listen on every interface. */
  readonly host?: string;
  readonly production: boolean;
  readonly limits?: QueryLimits;
  /**
   * Put stack traces in error responses (`extensions.stacktrace`). Off unless asked for, in
   * development too: a stack trace tells an attacker about the code and a client nothing.
   */
  readonly stackTraces?: boolean;
  /**
   * Serve the offline playground (GraphiQL at /playground, and at /graphql for a browser;
   * docs/adr/0015-offline-playground.md). Defaults to on unless `production`.
   */
  readonly playground?: boolean;
  /**
   * Serve the built web app from `root` (web/dist) at `/`, every other page of the app too
   * (docs/adr/0017-web-app.md). The API, the playground and the probes keep their paths.
   */
  readonly web?: WebAppOptions;
  /** The HTTP server's idle keep-alive timeout; defaults to the kit's SERVER_KEEP_ALIVE_TIMEOUT_MS. */
  readonly keepAliveTimeoutMs?: number;
  /**
   * The bus that feeds subscriptions (docs/adr/0013-federated-subscriptions.md). `consumerName` is
   * the router's consumer group: on Kafka each replica gives its own, so every replica hears every
   * event (the group is ephemeral: from now, deleted when the bus closes). The caller owns the bus
   * and closes it after the router. Without a bus, subscriptions are accepted but never fire.
   */
  readonly events?: { readonly bus: EventBus; readonly consumerName?: string };
  /** Limits of subscription connections; each defaults to {@link defaultSubscriptionSettings}. */
  readonly subscriptions?: Partial<SubscriptionSettings>;
}

/** Guards against abusive operations, checked before any subgraph is called. */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
}

export const defaultQueryLimits: QueryLimits = { maxDepth: 10, maxCost: 5_000, maxAliases: 30 };

export interface RunningRouter {
  /** e.g. http://localhost:4000/graphql */
  readonly url: string;
  readonly server: Server;
  /** Serves the subscriptions; exposed so tests can see how many executions are shared. */
  readonly subscriptions: SubscriptionHub;
  close(): Promise<void>;
}

/**
 * The one endpoint clients use: an Apollo Gateway over the committed supergraph. It checks the
 * JWT at the edge (an invalid or expired token is refused before any subgraph is asked), limits
 * depth, cost and aliases, prevents CSRF, and masks unexpected errors in production.
 */
export async function createRouter(options: RouterOptions): Promise<RunningRouter> {
  const logger = options.logger.child({ component: 'router' });
  // @apollo/gateway otherwise sends usage telemetry to Apollo and probes cloud metadata endpoints
  // (AWS, GCP, Azure, Alibaba) at start-up. A library's router contacts nothing but its subgraphs.
  // The gateway reads only this variable, so this is the one place that writes process.env.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  // The executor's last step, done with less work per field (responseShaping.ts; ADR 0018).
  installResponseShaping();
  // One pool for every subgraph call, its idle timeout shorter than the subgraphs' servers'.
  const agent = keepAliveAgent();
  const answers = options.answerCacheBytes ? new AnswerCache(options.answerCacheBytes) : undefined;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const inProcess = options.inProcessSubgraphs?.[name];
      if (inProcess) return new InProcessSubgraphDataSource(inProcess, answers);
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL configured for subgraph ${name}`);
      return new SubgraphDataSource(name, target, agent);
    },
  });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = loaded;
  });
  const limits = options.limits ?? defaultQueryLimits;
  const armor = new ApolloArmor({
    // Each refusal is an OPERATION_LIMIT_EXCEEDED naming the limit (see guards.ts); every alias
    // counts, __typename's included (armor exempts those by default, which let hundreds through).
    ...armorLimits(limits),
    // Its own parse runs in a plugin hook, where a syntax error becomes an HTTP 500 instead of
    // GRAPHQL_PARSE_FAILED. The 100 kB body limit already bounds how many tokens can arrive.
    maxTokens: { enabled: false },
    // Field suggestions help while developing and leak the schema in production.
    blockFieldSuggestion: { enabled: options.production },
  });
  const protection = armor.protect();
  const metrics = createMetrics('router');
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    ...protection,
    plugins: [
      ...protection.plugins,
      resolveOperationOrRefuse(),
      reportMissingValues(logger),
      answerThrottledWith429(),
      refuseSubscriptionsOverHttp(),
      // RED per operation (shelfmark_graphql_operation_duration_seconds, _errors_total).
      metricsPlugin<RouterContext>(metrics),
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: createRouterErrorFormatter(logger, options.production),
    introspection: !options.production,
    includeStacktraceInErrorResponses: options.stackTraces ?? false,
    csrfPrevention: true,
    // The launcher owns shutdown; Apollo's own SIGINT handler would race it and re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const settings: SubscriptionSettings = { ...defaultSubscriptionSettings, ...options.subscriptions };
  const hub = new SubscriptionHub({
    logger,
    rankingIntervalMs: settings.rankingIntervalMs,
    // Each update is a query through Apollo, as the subscriber: the same plugins, limits, error
    // formatting and token forwarding as an HTTP query.
    execute: async ({ query, operationName, variables, token, identity }) => {
      const response = await apollo.executeOperation(
        { query, variables: { ...variables }, ...(operationName ? { operationName } : {}) },
        { contextValue: { requestId: randomUUID(), token, identity, traceparent: null } },
      );
      if (response.body.kind !== 'single') throw new Error('an update answered incrementally');
      const { data, errors } = response.body.singleResult;
      return { ...(data === undefined ? {} : { data }), ...(errors ? { errors } : {}) };
    },
  });
  const transport = {
    hub,
    schema: () => {
      if (!apiSchema) throw new Error('the gateway has not loaded its schema');
      return apiSchema;
    },
    publicKey: options.keys.publicKey,
    settings,
    logger,
    preparer: new SubscriptionPreparer({
      limitRules: protection.validationRules,
      production: options.production,
    }),
  };
  const addresses = new ConnectionsPerAddress(settings.maxConnectionsPerAddress);
  // What subscriptions cost, on /metrics: live subscribers, and the executions they share.
  observedGauge(
    metrics.registry,
    'shelfmark_subscribers',
    'Live subscribers, over graphql-ws and SSE.',
    () => hub.subscriberCount,
  );
  observedGauge(
    metrics.registry,
    'shelfmark_subscription_executions',
    'Shared subscription executions: one per distinct document, variables and identity.',
    () => hub.executionCount,
  );

  // A client's token is verified once, then remembered until it expires (identityCache.ts).
  const identifyCaller = identityCache(options.keys.publicKey);
  const app = createHttpApp({
    apollo,
    beforeGraphQL: [graphqlSseMiddleware(transport, addresses)],
    // Apollo's own landing page stays disabled: it would load its page from a CDN.
    routes: [
      ...((options.playground ?? !options.production) ? [playgroundRoutes()] : []),
      ...(options.web ? [webAppRoutes(options.web)] : []),
    ],
    registry: metrics.registry,
    health: {
      ready: async () => {
        // Ready when every subgraph says it is ready.
        const checks = Object.entries(options.subgraphUrls).map(async ([name, url]) => {
          const response = await fetch(url.replace(/\/graphql$/, '/readyz')).catch(() => undefined);
          if (!response?.ok) throw new Error(`subgraph ${name} is not ready`);
        });
        const inProcess = Object.values(options.inProcessSubgraphs ?? {}).map((subgraph) =>
          subgraph.ready().catch(() => {
            throw new Error(`subgraph ${subgraph.name} is not ready`);
          }),
        );
        await Promise.all([...checks, ...inProcess]);
      },
    },
    context: async ({ req, res }) => {
      // The one id of this request: forwarded to every subgraph (and by them to their peers),
      // the correlation id of every event it causes, and answered to the client to quote.
      const requestId = acceptedRequestId(req.header('x-request-id')) ?? randomUUID();
      res.setHeader('x-request-id', requestId);
      const identity = await identifyCaller(req.headers.authorization);
      return {
        requestId,
        // Verified above: a header that was not a well-formed bearer token was refused there.
        token: identity ? (bearerToken(req.headers.authorization) ?? null) : null,
        identity,
        traceparent: req.header('traceparent') ?? null,
        clientAddress: req.ip,
      };
    },
  });
  // No ETag computed per answer: express hashed every GraphQL answer (often tens of kB) for a
  // validator no client uses on a POST. The web app's files carry their own, hashed once.
  app.set('etag', false);

  // The feed first: once the router answers (and /readyz says so), no event for a subscriber can
  // slip past it. On Kafka, subscribe() resolves once the group has joined.
  if (options.events) {
    await options.events.bus.subscribe(
      hub.consumer(options.events.consumerName ?? 'PushSubscriptionsOnAvailabilityAndBorrows'),
    );
  }
  const { server, url } = await listen(app, options.host, options.port, {
    ...(options.keepAliveTimeoutMs ? { keepAliveTimeoutMs: options.keepAliveTimeoutMs } : {}),
  });
  const closeWebSockets = serveGraphqlWs(server, transport, addresses);
  const publicUrl = `${url.replace('//[::]', '//localhost').replace('//0.0.0.0', '//localhost')}/graphql`;
  logger.info({ url: publicUrl }, 'router ready');
  return {
    url: publicUrl,
    server,
    subscriptions: hub,
    async close() {
      // WebSockets first, closed with 1001 "Going away" (graphql-ws reconnects): ending the hub
      // first would send each subscription "complete", which a client takes for the end.
      await closeWebSockets();
      hub.close();
      await closeServer(server);
      await apollo.stop();
      await agent.close();
    },
  };
}

/** A caller's request id is kept when it is a plain token a log can hold; otherwise a new one. */
function acceptedRequestId(header: string | undefined): string | undefined {
  return header && /^[\w.:-]{1,128}$/.test(header) ? header : undefined;
}
