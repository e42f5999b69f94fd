import { startMongo, type RunningMongo } from '@shelfmark/local-servers';
import { RUNNING_MONGO } from './keys';

/**
 * Global setup of the jest "mongo" project: one MongoDB-compatible server for every test file,
 * handed to the workers through `MONGODB_URL` (jest passes the parent's environment on).
 * A server that cannot be started fails the run: the project is only included when java and mvn
 * are there (or MONGODB_URL is given), see packages/test-infra/jest/projects.js.
 */
async function globalSetup(): Promise<void> {
  const started = Date.now();
  const mongo = await startMongo();
  (globalThis as Record<symbol, RunningMongo | undefined>)[RUNNING_MONGO] = mongo;
  process.env.MONGODB_URL = mongo.url;
  process.stderr.write(
    `\n[mongo] ${mongo.external ? 'using' : 'started'} ${mongo.url} in ${Date.now() - started} ms\n`,
  );
}

export = globalSetup;
