export { loadConfig, type EmbeddedConfig } from './config';
export { startEmbedded, type EmbeddedShelfmark } from './startEmbedded';
export { prepareWebApp, buildWebApp, webBuildState, WEB_DIR, WEB_DIST } from './web';
