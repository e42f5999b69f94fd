import 'reflect-metadata';
import { loadConfig } from './config';
import { startEmbedded } from './startEmbedded';

/** `npm start`: the whole library in one process, on embedded defaults. */
async function main() {
  const config = loadConfig(process.env);
  const started = Date.now();
  const shelfmark = await startEmbedded(config);
  console.log(`\nShelfmark is running (${Date.now() - started} ms): ${shelfmark.url}`);
  console.log(`Data lives in ${config.dataDir}. Press Ctrl-C to stop.\n`);
  if (!config.admin) {
    console.log(
      'No admin account configured: set SHELFMARK_ADMIN_EMAIL and SHELFMARK_ADMIN_PASSWORD to create one.\n',
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: stopping…`);
    shelfmark.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shelfmark did not stop cleanly:', error);
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
