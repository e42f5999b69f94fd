import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface ProbeServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The endpoints every Shelfmark process has, for a process with no GraphQL to serve: `/healthz`
 * (alive), `/readyz` (its database answers) and `/metrics` (Prometheus).
 */
export async function serveProbes(options: {
  readonly host: string | undefined;
  readonly port: number;
  readonly ready: () => Promise<boolean>;
  readonly registry: Registry;
}): Promise<ProbeServer> {
  const server: Server = createServer((req, res) => {
    const reply = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type }).end(body);
    };
    const json = (status: number, body: object) => reply(status, 'application/json', JSON.stringify(body));
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return json(405, { error: 'method not allowed' });
    if (path === '/healthz') return json(200, { status: 'ok' });
    if (path === '/readyz') {
      return void options.ready().then(
        (ready) => json(ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' }),
        () => json(503, { status: 'unavailable' }),
      );
    }
    if (path === '/metrics') {
      return void options.registry.metrics().then(
        (text) => reply(200, options.registry.contentType, text),
        () => json(500, { error: 'metrics unavailable' }),
      );
    }
    json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host === '[::]' || host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
