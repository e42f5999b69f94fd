/** Where globalTeardown finds the server: both hooks run in jest's parent process. */
export const RUNNING_MONGO = Symbol.for('shelfmark.test-infra.mongo');
