export {
  composeSupergraph,
  readSupergraph,
  schemaFiles,
  SCHEMA_DIR,
  type ComposedSupergraph,
} from './compose';
export {
  DEFAULT_SUBGRAPH_PORTS,
  SUBGRAPH_NAMES,
  subgraphDefinitions,
  type SubgraphName,
  type TopologySettings,
} from './topology';
