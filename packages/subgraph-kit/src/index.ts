import 'reflect-metadata';

export { hasRole, ROLES, type Identity, type Role } from './auth/Identity';
export { identify } from './auth/identify';
export {
  bearerToken,
  InvalidToken,
  issueToken,
  keysFromPem,
  loadOrCreateKeys,
  TOKEN_ALGORITHM,
  verifyToken,
  type TokenKeys,
} from './auth/tokens';
export { authChecker } from './graphql/authChecker';
export { buildFederatedSchema, type FederatedSchemaOptions } from './graphql/buildFederatedSchema';
export type { SubgraphContext } from './graphql/context';
export { createErrorFormatter } from './graphql/formatError';
export { byId, groupedBy, oncePerKey, type BatchLoad, type Loader } from './graphql/loaders';
export { decodeCursor, encodeCursor, pageSize } from './graphql/pagination';
export { PageInfo } from './graphql/PageInfo';
export {
  createLogger,
  logFormat,
  type LogFormat,
  type LoggerOptions,
  type LogLevel,
} from './observability/logger';
export { loggableError, REDACTED_PATHS, scrub } from './observability/redaction';
export {
  createMetrics,
  observedGauge,
  OperationMetrics,
  OperationNames,
  subgraphFetchTimer,
  type Metrics,
} from './observability/metrics';
export { metricsPlugin } from './observability/metricsPlugin';
export {
  consumerLabel,
  processMetrics,
  trackBreaker,
  type ObservedBreaker,
  type ProcessMetrics,
} from './observability/processMetrics';
export { AggregateRootSchema } from './persistence/aggregateSchema';
export { openDatabase, parseDatabaseUrl, type DatabaseConfig } from './persistence/database';
export { DatabaseWrites, reuseStatements } from './persistence/sqliteConnection';
export { rowBy } from './persistence/rowBy';
export { MikroOrmOutboxStore } from './persistence/MikroOrmOutboxStore';
export { insertIfAbsent, isUniqueViolation } from './persistence/errors';
export {
  byIdIn,
  changeOnce,
  type AggregateChange,
  type AggregateRepository,
  type ChangeOutcome,
  type ChangeTarget,
  type Changed,
  type Inbox,
} from './persistence/changeOnce';
export { CONFLICT_RETRY, isConflict, retryOnConflict } from './persistence/conflicts';
export { containing, isMongo } from './persistence/queries';
export {
  CLIENT_KEEP_ALIVE_TIMEOUT_MS,
  closeServer,
  createHttpApp,
  listen,
  requestErrorHandler,
  SERVER_KEEP_ALIVE_TIMEOUT_MS,
  type HealthProbe,
  type ListenOptions,
} from './server/httpServer';
export { isConnectionReset, keepAliveAgent } from './server/httpClient';
export {
  PeerClient,
  PeerRefusal,
  PeerUnavailable,
  type PeerCall,
  type PeerClientOptions,
  type PeerDirectory,
} from './peers/PeerClient';
export { parseSettings, wholeAtLeast, wholeNumber } from './settings';
export { JobScheduler, systemClock, type Clock, type ScheduledJob } from './server/jobs';
export {
  SubgraphNotRunning,
  type InProcessRequest,
  type InProcessResponse,
  type InProcessSubgraph,
} from './server/inProcess';
export {
  startSubgraph,
  type RunningSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
  type SubgraphRuntime,
} from './server/startSubgraph';
