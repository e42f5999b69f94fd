import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Registry } from 'prom-client';

export interface HealthProbe {
  /** Resolves when the process can serve requests (its database answers, its bus is up). */
  ready(): Promise<void>;
}

/**
 * An express app with the endpoints every Shelfmark process has: the GraphQL endpoint, `/healthz`
 * (the process is alive), `/readyz` (its dependencies answer) and `/metrics` (Prometheus).
 */
export function createHttpApp<Context extends BaseContext>(options: {
  readonly apollo: ApolloServer<Context>;
  readonly context: (args: ExpressContextFunctionArgument) => Promise<Context>;
  readonly health: HealthProbe;
  readonly registry: Registry;
  readonly bodyLimit?: string;
  /**
   * Middleware that must wrap every GraphQL request, installed in front of it (e.g. the scope
   * that gives a request its id and the events it records their correlation id).
   */
  readonly beforeGraphQL?: readonly RequestHandler[];
  /**
   * Handlers ahead of the GraphQL endpoint, for what a process serves besides it (the router's
   * playground: its page, also on a browser's GET /graphql, and the page's files). Each passes on
   * (`next()`) what it does not answer.
   */
  readonly routes?: readonly RequestHandler[];
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await options.health.ready();
      res.json({ status: 'ready' });
    } catch (error) {
      res
        .status(503)
        .json({ status: 'unavailable', reason: error instanceof Error ? error.message : String(error) });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(options.registry.contentType).send(await options.registry.metrics());
  });
  for (const route of options.routes ?? []) app.use(route);
  app.use(
    '/graphql',
    ...(options.beforeGraphQL ?? []),
    express.json({ limit: options.bodyLimit ?? '100kb' }),
    expressMiddleware(options.apollo, { context: options.context }),
  );
  app.use(requestErrorHandler);
  return app;
}

/**
 * Turns a body that is not JSON (or too large) into a GraphQL-shaped 400/413 a person can read,
 * instead of express's HTML error page.
 */
export const requestErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.parse.failed') {
    res.status(400).json({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    return;
  }
  if (type === 'entity.too.large') {
    res.status(413).json({
      errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_REQUEST' } }],
    });
    return;
  }
  next(error);
};

/**
 * How long a Shelfmark server keeps an idle keep-alive connection open. Every client in the tree
 * (the router's fetcher, PeerClient) lets its idle sockets go well before this — see
 * {@link CLIENT_KEEP_ALIVE_TIMEOUT_MS} — so a client never sends a request on a socket the server
 * is closing at that very moment (which surfaced as a SERVICE_UNAVAILABLE for a healthy subgraph).
 */
export const SERVER_KEEP_ALIVE_TIMEOUT_MS = 30_000;

/**
 * How long the clients in the tree keep an idle socket for reuse: well under the servers'
 * {@link SERVER_KEEP_ALIVE_TIMEOUT_MS}. (undici also honours the server's `Keep-Alive: timeout`
 * hint, less a margin, whichever is shorter.)
 */
export const CLIENT_KEEP_ALIVE_TIMEOUT_MS = 10_000;

export interface ListenOptions {
  /** Idle keep-alive timeout; defaults to {@link SERVER_KEEP_ALIVE_TIMEOUT_MS}. */
  readonly keepAliveTimeoutMs?: number;
}

/** Listens and resolves with the URL actually bound (port 0 picks a free port). */
export function listen(
  app: Express,
  host: string | undefined,
  port: number,
  options: ListenOptions = {},
): Promise<{ server: Server; url: string }> {
  const server = createServer(app);
  // Set explicitly rather than left to Node's 5 s default: the clients' idle timeout is chosen
  // against this value. headersTimeout must exceed it, or Node may cut a reused socket whose
  // next request's headers are still arriving.
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? SERVER_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = server.keepAliveTimeout + 1_000;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  openSockets.set(server, sockets);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      const shown = host === undefined ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      resolve({ server, url: `http://${shown}:${bound}` });
    });
  });
}

/** The connections of each server made by {@link listen}, for a shutdown that loses no answer. */
const openSockets = new WeakMap<Server, Set<Socket>>();

/**
 * Stops listening and lets the requests in flight finish: a connection is dropped once it has no
 * response in progress and nothing left to write (so an answer already given is never cut off in
 * the socket's buffer, and a request not yet read is refused, not half applied); whatever is still
 * open after `graceMs` is cut. A server already closed is fine.
 */
export function closeServer(server: Server, graceMs = 10_000): Promise<void> {
  if (!server.listening) return Promise.resolve();
  const sockets = openSockets.get(server);
  const dropIdle = () => {
    if (!sockets) return server.closeIdleConnections();
    for (const socket of sockets) {
      // Node's own marker of the response a connection is serving (cleared once it is flushed).
      const serving = (socket as Socket & { _httpMessage?: unknown })._httpMessage;
      if (!serving && socket.writableLength === 0) socket.destroy();
    }
  };
  return new Promise((resolve, reject) => {
    const idle = setInterval(dropIdle, 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close((error) => {
      clearInterval(idle);
      clearTimeout(cut);
      if (error) reject(error);
      else resolve();
    });
    dropIdle();
  });
}
