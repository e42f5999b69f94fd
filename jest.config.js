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
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/jest.summary-reporter.js'],
  projects: [
    {
      ...base,
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
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/**/*.int.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.test.ts'] },
    ...require('./packages/test-infra/jest/projects.js')(base),
  ],
};
