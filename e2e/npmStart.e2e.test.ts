import {
  endpointOf,
  exitOf,
  graphqlClient,
  killLaunchers,
  spawnShelfmark,
  tempDir,
} from '@shelfmark/testing';

/** The launcher as `npm start` runs it, outside jest's NODE_ENV=test. */
const launch = (env: Record<string, string>) =>
  spawnShelfmark({ NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env });

describe('npm start', () => {
  const dir = tempDir('shelfmark-start-');
  afterAll(() => dir.cleanup());

  // Regression: Apollo Server's own SIGINT handler raced the launcher's and the process never exited.
  it('prints its endpoint, serves it, and stops cleanly on Ctrl-C (SIGINT)', async () => {
    const started = launch({ PORT: '0', SHELFMARK_DATA_DIR: dir.path });
    const url = await endpointOf(started);
    const response = await graphqlClient(url)('{ books { totalCount } }');
    expect(response.data).toEqual({ books: { totalCount: 0 } });

    const exit = exitOf(started);
    started.child.kill('SIGINT');
    expect((await exit).code).toBe(0);
    expect(started.output()).toContain('SIGINT received: stopping');
  });

  it('refuses to start on bad configuration, saying what was expected', async () => {
    const started = launch({ PORT: 'eighty', SHELFMARK_DATA_DIR: dir.path });
    expect((await exitOf(started)).code).toBe(1);
    expect(started.output()).toMatch(/Invalid configuration:\n- PORT: /);
  });

  // A test that fails before stopping its launcher must not hold the test run open: the jest
  // set-up (packages/testing/jest/stopLaunchers.ts) calls killLaunchers after each file.
  it('leaves no launcher running once killLaunchers has run', async () => {
    const left = launch({ PORT: '0', SHELFMARK_DATA_DIR: dir.path });
    await endpointOf(left);
    const exit = exitOf(left);
    expect(await killLaunchers()).toBe(1);
    expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await killLaunchers()).toBe(0);
  });
});
