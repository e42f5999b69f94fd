// @ts-check
/**
 * One jest run for the whole monorepo. The file name tells the tier (style.md):
 *   *.test.ts        unit            (no I/O beyond memory)
 *   *.int.test.ts    integration     (a real database per test file)
 *   *.e2e.test.ts    end to end      (real HTTP through the router, every subgraph, the bus)
 *   *.kafka.test.ts / *.mongo.test.ts  real infrastructure
 */
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const base = {
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // web/ has its own runner (Vitest, for Vue components): `npm test -w web`.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/web/'],
  setupFilesAfterEnv: [
    '<rootDir>/packages/testing/jest/testCeiling.js',
    '<rootDir>/packages/testing/jest/stopLaunchers.ts',
  ],
};

/*
 * Per-test ceilings. Tests wait for conditions, never for a time budget: a ceiling only turns a
 * hang into a failure, so it is set far above what a loaded machine needs (CI runs beside other
 * work). Suites doing real I/O — databases, HTTP through the router, child processes, Java servers
 * — get minutes; a test that sets its own shorter timeout would bring the budget back. Jest honours
 * `testTimeout` only for a whole run, so each project passes its ceiling to testCeiling.js.
 */
/** @param {number} ms */
const ceiling = (ms) => ({ globals: { testCeilingMs: ms } });
const CEILING = {
  unit: ceiling(30_000),
  integration: ceiling(120_000),
  e2e: ceiling(300_000),
  infrastructure: ceiling(300_000),
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/jest.summary-reporter.js'],
  projects: [
    {
      ...base,
      ...CEILING.unit,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns: [
        ...base.testPathIgnorePatterns,
        '\\.int\\.test\\.ts$',
        '\\.e2e\\.test\\.ts$',
        '\\.kafka\\.test\\.ts$',
        '\\.mongo\\.test\\.ts$',
      ],
    },
    {
      ...base,
      ...CEILING.integration,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/*.int.test.ts'],
    },
    { ...base, ...CEILING.e2e, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.test.ts'] },
    // kafka and mongo: real Java servers, and the integration suites again on MongoDB.
    ...require('./packages/test-infra/jest/projects.js')({ ...base, ...CEILING.infrastructure }),
  ],
};
