import 'reflect-metadata';
import { createRouter } from '@shelfmark/router';
import { readSupergraph } from '@shelfmark/schema';
import { createLogger } from '@shelfmark/subgraph-kit';
import { loadRouterProcessConfig } from './config';
import { processKeys } from './keys';
import { onShutdown } from '../shutdown';

/** The router as its own process, in front of the six subgraph processes. */
async function main() {
  const config = loadRouterProcessConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL).child({ process: 'router' });
  const router = await createRouter({
    supergraphSdl: readSupergraph(),
    subgraphUrls: config.subgraphUrls,
    keys: processKeys(config, false),
    logger,
    port: config.PORT,
    ...(config.HOST ? { host: config.HOST } : {}),
    production: config.NODE_ENV === 'production',
    stackTraces: config.SHELFMARK_STACK_TRACES,
  });
  onShutdown(
    () => router.close(),
    (message, error) => (error ? logger.error({ err: error }, message) : logger.info(message)),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
