import 'reflect-metadata';
import { onShutdown } from '../shutdown';
import { prepareWebApp } from '../web';
import { loadClusterConfig, startCluster } from './startCluster';

/** `npm run start:cluster`: every subgraph and the router as separate processes, over Kafka and MongoDB. */
async function main() {
  const config = loadClusterConfig(process.env);
  // The router process serves web/dist: built first when missing or stale, as npm start does.
  await prepareWebApp((line) => console.log(line));
  const started = Date.now();
  const cluster = await startCluster(config);
  console.log(`\nShelfmark cluster is running (${Date.now() - started} ms): ${cluster.url}`);
  console.log('Seven processes over Kafka and MongoDB. Press Ctrl-C to stop.\n');
  onShutdown(
    () => cluster.close(),
    (message, error) => (error ? console.error(message, error) : console.log(`\n${message}`)),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
