import { ErrorCode } from '@shelfmark/errors';
import type { Logger } from '@shelfmark/events';
import { bearerToken, InvalidToken, verifyToken, type Identity } from '@shelfmark/subgraph-kit';
import type { RequestHandler } from 'express';
import { GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SubscriptionPreparer } from './prepare';
import { CloseCode, type SubscriptionSettings } from './settings';
import type { SubscriptionHub } from './SubscriptionHub';

/** Who a subscription runs as, checked once when the connection (or SSE request) opens. */
interface Caller {
  readonly token: string | null;
  readonly identity: Identity | null;
}

/** What each transport needs to serve subscriptions. */
export interface TransportOptions {
  readonly hub: SubscriptionHub;
  /** Checks each subscription as HTTP checks a query (the same limits), once per document. */
  readonly preparer: SubscriptionPreparer;
  /** The API schema, once the gateway has loaded it. */
  readonly schema: () => GraphQLSchema;
  readonly publicKey: KeyObject;
  readonly settings: SubscriptionSettings;
  readonly logger: Logger;
}

/** Counts open connections per client address, WebSockets and SSE streams alike. */
export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** Takes a place for `address`; false (and nothing taken) when it has none left. */
  take(address: string): boolean {
    const count = this.open.get(address) ?? 0;
    if (count >= this.max) return false;
    this.open.set(address, count + 1);
    return true;
  }

  release(address: string): void {
    const count = (this.open.get(address) ?? 1) - 1;
    if (count <= 0) this.open.delete(address);
    else this.open.set(address, count);
  }
}

/**
 * graphql-ws on the HTTP server's `/graphql` path (an upgrade on the same port as queries).
 * Returns a function that closes every socket and stops accepting new ones.
 */
export function serveGraphqlWs(
  server: Server,
  options: TransportOptions,
  addresses: ConnectionsPerAddress,
): () => Promise<void> {
  const { settings } = options;
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 100 * 1024 });
  const callers = new WeakMap<WebSocket, Caller>();
  const active = new WeakMap<WebSocket, Set<string>>();
  // Registered before graphql-ws's own listener, so a refused connection never gets further.
  wss.on('connection', (socket, request) => {
    const address = addressOf(request);
    if (!addresses.take(address)) {
      socket.close(
        CloseCode.TOO_MANY_CONNECTIONS,
        `Too many connections from your address (at most ${settings.maxConnectionsPerAddress}).`,
      );
      return;
    }
    socket.once('close', () => addresses.release(address));
  });
  const disposable = useServer<Record<string, unknown>, { caller?: Caller }>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: settings.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        const header = ctx.connectionParams?.['authorization'];
        try {
          if (header !== undefined && typeof header !== 'string') {
            throw new InvalidToken('connectionParams.authorization must be "Bearer <token>".');
          }
          const token = bearerToken(header) ?? null;
          const identity = token ? await verifyToken(token, options.publicKey) : null;
          callers.set(socket, { token, identity });
          closeAtExpiry(
            token,
            () => socket.close(CloseCode.FORBIDDEN, 'Your session has expired. Please sign in again.'),
            socket,
          );
          return true;
        } catch (error) {
          if (!(error instanceof InvalidToken)) throw error;
          // Closed here, with the reason; graphql-ws's own refusal would only say "Forbidden".
          socket.close(CloseCode.FORBIDDEN, error.message);
          return false;
        }
      },
      onSubscribe: (ctx, id, payload) => {
        const { socket } = ctx.extra;
        const ids = active.get(socket) ?? new Set<string>();
        active.set(socket, ids);
        if (ids.size >= settings.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(
              `This connection already has ${ids.size} subscriptions, the most one connection may hold. Complete one first.`,
              {
                extensions: {
                  code: ErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED,
                  max: settings.maxSubscriptionsPerConnection,
                },
              },
            ),
          ];
        }
        const args = subscriptionArgs(options, payload.query, payload.operationName, payload.variables, {
          caller: callers.get(socket) ?? { token: null, identity: null },
          onSlowConsumer: () =>
            socket.close(CloseCode.SLOW_CONSUMER, 'This client does not read its messages fast enough.'),
          congested: () => socket.bufferedAmount > settings.maxBufferedBytes,
        });
        if (Array.isArray(args)) return args as GraphQLError[];
        ids.add(id);
        return args;
      },
      onComplete: (ctx, id) => {
        active.get(ctx.extra.socket)?.delete(id);
      },
      // The hub's payloads are already formatted (plain objects, as Apollo answers HTTP). Sent as
      // they are: graphql-ws would otherwise call `toJSON()` on each error, which plain objects
      // lack, and end the subscription at the first payload with an error in it.
      onNext: (_ctx, _id, _payload, _args, result) => result,
      subscribe: (args) => subscribeWith(options, args),
    },
    wss,
    settings.keepAliveMs,
  );
  return async () => {
    await disposable.dispose();
    for (const socket of wss.clients) socket.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}

/**
 * GraphQL over Server-Sent Events (graphql-sse, distinct connections mode) for requests to
 * `/graphql` that prefer `text/event-stream` to a JSON answer (graphql-sse's client accepts only
 * it); every other request goes on to Apollo. Clients such as urql list `text/event-stream` among
 * the types they accept on every query, after JSON: those are queries, answered as JSON.
 */
export function graphqlSseMiddleware(
  options: TransportOptions,
  addresses: ConnectionsPerAddress,
): RequestHandler {
  const { settings } = options;
  const callers = new WeakMap<IncomingMessage, Caller>();
  const handler = createHandler<{ subscription: SubscriptionContext } | undefined>({
    schema: options.schema,
    onSubscribe: (req, params) => {
      const response = req.context.res;
      const args = subscriptionArgs(options, params.query, params.operationName, params.variables, {
        caller: callers.get(req.raw) ?? { token: null, identity: null },
        onSlowConsumer: () => response.destroy(),
        congested: () => response.writableLength > settings.maxBufferedBytes,
      });
      if (Array.isArray(args)) {
        return [
          JSON.stringify({ errors: (args as GraphQLError[]).map((e) => e.toJSON()) }),
          {
            status: 400,
            statusText: 'Bad Request',
            headers: { 'content-type': 'application/json; charset=utf-8' },
          },
        ];
      }
      return args as ExecutionArgs & { contextValue: { subscription: SubscriptionContext } };
    },
    subscribe: (args) => subscribeWith(options, args),
  });
  return (req, res, next) => {
    if (
      req.accepts(['application/graphql-response+json', 'application/json', 'text/event-stream']) !==
      'text/event-stream'
    ) {
      next();
      return;
    }
    void (async () => {
      let caller: Caller;
      try {
        const token = bearerToken(req.headers.authorization) ?? null;
        caller = { token, identity: token ? await verifyToken(token, options.publicKey) : null };
      } catch (error) {
        if (!(error instanceof InvalidToken)) throw error;
        res
          .status(401)
          .json({ errors: [{ message: error.message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
        return;
      }
      const address = req.ip ?? addressOf(req);
      if (!addresses.take(address)) {
        res.status(429).json({
          errors: [
            {
              message: `Too many connections from your address (at most ${settings.maxConnectionsPerAddress}).`,
              extensions: { code: ErrorCode.TOO_MANY_REQUESTS },
            },
          ],
        });
        return;
      }
      res.once('close', () => addresses.release(address));
      callers.set(req, caller);
      closeAtExpiry(caller.token, () => res.end(), res);
      await handler(req, res);
    })().catch(next);
  };
}

interface SubscriptionContext {
  readonly caller: Caller;
  readonly onSlowConsumer: () => void;
  readonly congested: () => boolean;
}

/** Validates and prepares one subscription; errors to refuse it with, or the execution args. */
function subscriptionArgs(
  options: TransportOptions,
  query: string,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  context: SubscriptionContext,
): readonly GraphQLError[] | ExecutionArgs {
  const schema = options.schema();
  const prepared = options.preparer.prepare(schema, query, operationName, variables);
  if (prepared.errors) return prepared.errors;
  return {
    schema,
    document: prepared.document,
    ...(operationName ? { operationName } : {}),
    variableValues: variables ?? {},
    contextValue: { subscription: { ...context, prepared: prepared.subscription } },
  };
}

/** The execution args' context carries what {@link subscriptionArgs} prepared; the hub does the rest. */
function subscribeWith({ hub, settings }: TransportOptions, args: ExecutionArgs) {
  const { subscription } = args.contextValue as {
    subscription: SubscriptionContext & {
      prepared: Parameters<SubscriptionHub['subscribe']>[0]['subscription'];
    };
  };
  // The payloads are already formatted (Apollo's error formatting ran): graphql-sse serialises
  // them with JSON.stringify, graphql-ws sends them as they are (its onNext, in serveGraphqlWs).
  return hub.subscribe({
    subscription: subscription.prepared,
    variables: args.variableValues ?? {},
    token: subscription.caller.token,
    identity: subscription.caller.identity,
    backlog: settings.maxBacklog,
    onSlowConsumer: subscription.onSlowConsumer,
    congested: subscription.congested,
  }) as AsyncIterable<unknown> as AsyncIterable<ExecutionResult>;
}

/** Ends a connection when its token expires (the token was verified, so its `exp` is trusted). */
function closeAtExpiry(
  token: string | null,
  close: () => void,
  on: { once(event: 'close', listener: () => void): unknown },
): void {
  const expiresAt = token ? expiryOf(token) : undefined;
  if (expiresAt === undefined) return;
  // setTimeout holds at most 2^31-1 ms (about 24 days); longer tokens are re-armed.
  const arm = (): NodeJS.Timeout =>
    setTimeout(
      () => {
        if (Date.now() >= expiresAt) close();
        else timer = arm();
      },
      Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1),
    );
  let timer = arm();
  on.once('close', () => clearTimeout(timer));
}

function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function addressOf(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}
