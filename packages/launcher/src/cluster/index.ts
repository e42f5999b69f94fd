export { loadClusterConfig, startCluster, type ClusterConfig, type RunningCluster } from './startCluster';
export { loadRouterProcessConfig, loadSubgraphProcessConfig } from './config';
