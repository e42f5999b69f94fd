import 'reflect-metadata';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import type * as RouterModule from '@shelfmark/router';
import pino from 'pino';
import { serveParent, type ToChild, type ToParent } from './processes';

/**
 * One gateway under load, in its own process: `shelfmark <root>` runs createRouter from
 * `<root>/router/src` (today's tree, or a baseline revision's worktree) in production mode with
 * every defence on; `apollo` runs a stock @apollo/gateway in @apollo/server's standalone server.
 */
type Start = Extract<ToChild, { kind: 'start' }>;

async function startShelfmark(root: string, start: Start) {
  // Loaded from the given checkout, so a baseline revision runs its own router.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createRouter, defaultQueryLimits } = require(join(root, 'router', 'src')) as typeof RouterModule;
  const router = await createRouter({
    supergraphSdl: start.supergraphSdl,
    subgraphUrls: start.subgraphUrls,
    keys: { publicKey: createPublicKey(start.publicKeyPem) },
    logger: pino({ level: 'silent' }),
    port: 0,
    host: '127.0.0.1',
    production: true,
    // The router's default depth, cost and alias limits (the Guild's query is 8 deep).
    limits: defaultQueryLimits,
  });
  return { url: router.url.replace('localhost', '127.0.0.1'), close: () => router.close() };
}

async function startApollo(start: Start) {
  const gateway = new ApolloGateway({ supergraphSdl: start.supergraphSdl });
  const server = new ApolloServer({ gateway, stopOnTerminationSignals: false });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url: `${url.replace(/\/$/, '')}/graphql`, close: () => server.stop() };
}

async function main() {
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  const [kind, root] = process.argv.slice(2);
  serveParent(
    () => running.then(({ close }) => close()),
    () => undefined,
  );
  let resolveStart: (start: Start) => void = () => {};
  const started = new Promise<Start>((resolve) => (resolveStart = resolve));
  process.on('message', (message: ToChild) => {
    if (message.kind === 'start') resolveStart(message);
  });
  const running = started.then((start) =>
    kind === 'shelfmark' ? startShelfmark(root ?? process.cwd(), start) : startApollo(start),
  );
  const { url } = await running;
  process.send?.({ kind: 'ready', url } satisfies ToParent);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
