// @ts-check
/**
 * Applies the project's per-test ceiling (`globals.testCeilingMs`, see jest.config.js): jest reads
 * `testTimeout` only for the whole run, not per project, so each project sets its own here.
 */
const ceiling = /** @type {unknown} */ (globalThis['testCeilingMs']);
if (typeof ceiling !== 'number') throw new Error('jest.config.js: give the project globals.testCeilingMs');
jest.setTimeout(ceiling);
