export { errorCode, graphqlClient, type GraphQLRequest, type GraphQLResponse } from './graphqlClient';
export { eventually, waitFor } from './eventually';
export { otlpReceiver, type ReceivedSpan } from './otlpReceiver';
export { tempDir } from './tempDir';
export { testDatabase, type TestDatabase } from './testDatabase';
export { manualClock, type ManualClock } from './manualClock';
export { startTestSubgraph, type TestSubgraph, type TestSubgraphOptions } from './testSubgraph';
export {
  endpointOf,
  exitOf,
  isbnFor,
  killLaunchers,
  spawnShelfmark,
  type Exit,
  type ShelfmarkProcess,
} from './shelfmarkProcess';
export { aBookAddedEvent, aMemberRegisteredEvent } from './events';
