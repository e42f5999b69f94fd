export { loadConfig, type EmbeddedConfig } from './config';
export { startEmbedded, type EmbeddedShelfmark } from './startEmbedded';
