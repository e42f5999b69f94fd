export { errorCode, graphqlClient, type GraphQLRequest, type GraphQLResponse } from './graphqlClient';
export { tempDir } from './tempDir';
export { testDatabase, type TestDatabase } from './testDatabase';
export { startTestSubgraph, type TestSubgraph } from './testSubgraph';
