import 'reflect-metadata';
import { loadClusterConfig, startCluster } from './startCluster';

/** `npm run start:cluster`: every subgraph and the router as separate processes, over Kafka and MongoDB. */
async function main() {
  const config = loadClusterConfig(process.env);
  const started = Date.now();
  const cluster = await startCluster(config);
  console.log(`\nShelfmark cluster is running (${Date.now() - started} ms): ${cluster.url}`);
  console.log('Seven processes over Kafka and MongoDB. Press Ctrl-C to stop.\n');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: stopping the cluster…`);
    cluster.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The cluster did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
