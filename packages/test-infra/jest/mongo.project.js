// @ts-check
/**
 * The MongoDB project: the same integration suites as SQLite (every subgraph's, the subgraph
 * kit's and the notifications worker's `*.int.test.ts`), plus the `*.mongo.test.ts` files, against one MongoDB-compatible server
 * per run — `MONGODB_URL` when given, else mongo-java-server started by globalSetup. Each test file
 * gets its own database on it (see @shelfmark/testing's startTestSubgraph).
 *
 * @param {Record<string, unknown> & { setupFiles?: string[] }} base
 * @returns {import('jest').Config}
 */
module.exports = (base) => ({
  ...base,
  displayName: 'mongo',
  testMatch: [
    '<rootDir>/subgraphs/*/test/*.int.test.ts',
    '<rootDir>/packages/subgraph-kit/test/*.int.test.ts',
    '<rootDir>/notifications/test/*.int.test.ts',
    '<rootDir>/**/*.mongo.test.ts',
  ],
  setupFiles: [...(base.setupFiles ?? []), '<rootDir>/packages/test-infra/src/mongo/jest/useMongo.ts'],
  globalSetup: '<rootDir>/packages/test-infra/src/mongo/jest/globalSetup.ts',
  globalTeardown: '<rootDir>/packages/test-infra/src/mongo/jest/globalTeardown.ts',
});
