import { EventContext } from '@shelfmark/events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PeerClient } from '../src/peers/PeerClient';

/** A peer subgraph over HTTP (the cluster shape) that counts the connections it accepts. */
function httpPeer(): Promise<{
  server: Server;
  url: string;
  connections: () => number;
  headers: IncomingHttpHeaders[];
}> {
  let connections = 0;
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    headers.push(req.headers);
    req.resume();
    req.on('end', () => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ data: { reserve: true } }));
    });
  });
  server.on('connection', () => (connections += 1));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        connections: () => connections,
        headers,
      }),
    ),
  );
}

const call = { query: 'mutation { reserve }', variables: {}, authorization: 'Bearer token-1' };

describe('PeerClient calling a subgraph over HTTP', () => {
  it('keeps its connections open between calls: ten calls, at most two sockets', async () => {
    const peer = await httpPeer();
    const client = new PeerClient({ name: 'inventory', directory: () => peer.url });
    try {
      for (let i = 0; i < 10; i += 1) {
        await EventContext.run({ correlationId: `req-${i}` }, () => client.request(call));
      }
      // undici hands a socket back to its pool just after the answer is read, so a call made at
      // once may open a second one; after that the calls reuse them (without keep-alive: 10).
      expect(peer.connections()).toBeLessThanOrEqual(2);
      expect(peer.headers.map((h) => h['x-request-id'])).toEqual(
        Array.from({ length: 10 }, (_, i) => `req-${i}`),
      );
      expect(peer.headers.every((h) => h.authorization === 'Bearer token-1')).toBe(true);
    } finally {
      client.shutdown();
      peer.server.closeAllConnections();
      await new Promise((resolve) => peer.server.close(resolve));
    }
  });
});
