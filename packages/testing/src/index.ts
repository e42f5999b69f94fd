export { errorCode, graphqlClient, type GraphQLRequest, type GraphQLResponse } from './graphqlClient';
export { tempDir } from './tempDir';
export { startTestSubgraph, type TestSubgraph } from './testSubgraph';
