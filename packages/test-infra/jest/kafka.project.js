// @ts-check
/**
 * The jest "kafka" project: every `*.kafka.test.ts`, against one real Apache Kafka broker that the
 * project's global setup starts (or the one in KAFKA_BROKERS) and its global teardown stops.
 * Test files share that broker, so each uses its own consumer names and aggregate ids.
 *
 * @param {Record<string, unknown>} base the options every project of the repository shares
 * @returns {import('jest').Config}
 */
module.exports = (base) => ({
  ...base,
  displayName: 'kafka',
  testMatch: ['<rootDir>/**/*.kafka.test.ts'],
  globalSetup: '<rootDir>/packages/test-infra/src/kafka/jest/globalSetup.ts',
  globalTeardown: '<rootDir>/packages/test-infra/src/kafka/jest/globalTeardown.ts',
});
