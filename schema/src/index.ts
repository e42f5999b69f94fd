export {
  composeSupergraph,
  readSupergraph,
  schemaFiles,
  SCHEMA_DIR,
  type ComposedSupergraph,
} from './compose';
export { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES, subgraphSchemas, type SubgraphName } from './subgraphs';
