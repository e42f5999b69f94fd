export { loadConfig, type EmbeddedConfig } from './config';
export { startEmbedded, type EmbeddedShelfmark } from './startEmbedded';
export { buildWebApp, builtWebApp, prepareWebApp, webBuildState, WEB_DIR, WEB_DIST } from './web';
export {
  DEMO_ACCOUNTS_FILE,
  DEMO_BOOKS,
  DEMO_COMMENTS,
  DEMO_READERS,
  DEMO_SEEDED_MARKER,
  openDemo,
  readDemoAccounts,
  seedIfNeeded,
  withDemoLibrarian,
  type Demo,
  type SeedStep,
} from './demo';
