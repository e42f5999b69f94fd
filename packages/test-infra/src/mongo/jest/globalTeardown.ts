import type { RunningMongo } from '@shelfmark/local-servers';
import { RUNNING_MONGO } from './keys';

/** Global teardown of the jest "mongo" project: stops the server globalSetup started. */
async function globalTeardown(): Promise<void> {
  const store = globalThis as Record<symbol, RunningMongo | undefined>;
  await store[RUNNING_MONGO]?.stop();
  store[RUNNING_MONGO] = undefined;
}

export = globalTeardown;
