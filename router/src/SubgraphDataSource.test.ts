import {
  keepAliveAgent,
  listen,
  SERVER_KEEP_ALIVE_TIMEOUT_MS,
  CLIENT_KEEP_ALIVE_TIMEOUT_MS,
} from '@shelfmark/subgraph-kit';
import express from 'express';
import type { Server } from 'node:http';
import type { Agent } from 'undici';
import { SubgraphDataSource } from './SubgraphDataSource';

/**
 * A subgraph whose server closes a kept-alive connection just as the next request arrives on it:
 * the race a server's keep-alive timeout runs against a client that reuses idle sockets. Made
 * deterministic here: the second request on any connection finds it reset, unanswered.
 */
async function racingSubgraph() {
  const received: { operation: string; connection: number }[] = [];
  const requestsPerConnection = new Map<object, number>();
  const connections: object[] = [];
  const app = express();
  app.use(express.json());
  app.post('/graphql', (req, res) => {
    const socket = req.socket;
    if (!connections.includes(socket)) connections.push(socket);
    const nth = (requestsPerConnection.get(socket) ?? 0) + 1;
    requestsPerConnection.set(socket, nth);
    const { query } = req.body as { query: string };
    received.push({ operation: query, connection: connections.indexOf(socket) });
    if (nth > 1) {
      socket.destroy();
      return;
    }
    res.json({ data: { ok: true } });
  });
  const { server, url } = await listen(app, '127.0.0.1', 0);
  return { server, url: `${url}/graphql`, received };
}

describe('the router calling a subgraph', () => {
  let subgraph: Awaited<ReturnType<typeof racingSubgraph>>;
  let agent: Agent;
  let server: Server;
  beforeEach(async () => {
    subgraph = await racingSubgraph();
    server = subgraph.server;
    // One connection per origin, so the second request surely reuses the first one's socket.
    agent = keepAliveAgent({ connections: 1 });
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await agent.close();
  });

  const send = (source: SubgraphDataSource, query: string) =>
    source.process({
      kind: 'health check',
      request: { query },
      context: {},
    } as unknown as Parameters<SubgraphDataSource['process']>[0]);

  it('regression: a query whose kept-alive connection the subgraph closed under it is sent again, not SERVICE_UNAVAILABLE', async () => {
    const source = new SubgraphDataSource('books', subgraph.url, agent);
    expect(await send(source, 'query A { ok }')).toEqual({ data: { ok: true } });
    expect(await send(source, '{ ok }')).toEqual({ data: { ok: true } });
    // Sent on the reused connection (reset), then once more on a new one.
    expect(subgraph.received.map((r) => r.connection)).toEqual([0, 0, 1]);
  });

  it('never sends a mutation twice: the subgraph may have applied it', async () => {
    const source = new SubgraphDataSource('books', subgraph.url, agent);
    expect(await send(source, 'query A { ok }')).toEqual({ data: { ok: true } });
    await expect(send(source, 'mutation M { ok }')).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'books' },
    });
    expect(subgraph.received.filter((r) => r.operation.startsWith('mutation'))).toHaveLength(1);
  });

  it('regression: lets idle connections go before the subgraph servers close them', () => {
    expect(server.keepAliveTimeout).toBe(SERVER_KEEP_ALIVE_TIMEOUT_MS);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    expect(CLIENT_KEEP_ALIVE_TIMEOUT_MS).toBeLessThan(SERVER_KEEP_ALIVE_TIMEOUT_MS / 2);
  });
});

describe('what the router sends a subgraph and makes of its answer', () => {
  let server: Server;
  let url: string;
  const seen: Record<string, unknown>[] = [];
  let status = 200;
  let agent: Agent;
  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.post('/graphql', (req, res) => {
      seen.push({ headers: req.headers, body: req.body as unknown });
      res
        .status(status)
        .set('cache-control', 'max-age=60, private')
        .json({ data: { ok: true } });
    });
    ({ server, url } = await listen(app, '127.0.0.1', 0));
    agent = keepAliveAgent();
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await agent.close();
  });

  const context = {
    requestId: 'req-1',
    token: 'a.b.c',
    identity: null,
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    clientAddress: '10.0.0.7',
  };

  it('forwards the request id, token, trace and client address, and narrows the cache policy', async () => {
    const restrict = jest.fn();
    const source = new SubgraphDataSource('books', `${url}/graphql`, agent);
    const answer = await source.process({
      kind: 'incoming operation',
      request: { query: 'query Q($id: ID) { ok }', variables: { id: '1' }, operationName: 'Q' },
      context,
      incomingRequestContext: { overallCachePolicy: { restrict } },
    } as unknown as Parameters<SubgraphDataSource['process']>[0]);
    expect(answer).toEqual({ data: { ok: true } });
    expect(seen.at(-1)).toMatchObject({
      headers: {
        'x-request-id': 'req-1',
        authorization: 'Bearer a.b.c',
        traceparent: context.traceparent,
        'x-forwarded-for': '10.0.0.7',
        'content-type': 'application/json',
      },
      body: { query: 'query Q($id: ID) { ok }', variables: { id: '1' }, operationName: 'Q' },
    });
    expect(restrict).toHaveBeenCalledWith({ maxAge: 60, scope: 'PRIVATE' });
  });

  it('reports an answer that is not a success as the gateway did: 401 is UNAUTHENTICATED', async () => {
    status = 401;
    const source = new SubgraphDataSource('books', `${url}/graphql`, agent);
    await expect(
      source.process({
        kind: 'health check',
        request: { query: '{ ok }' },
        context,
      } as unknown as Parameters<SubgraphDataSource['process']>[0]),
    ).rejects.toMatchObject({
      message: '401: Unauthorized',
      extensions: { code: 'UNAUTHENTICATED', response: { status: 401, body: { data: { ok: true } } } },
    });
    status = 200;
  });
});
