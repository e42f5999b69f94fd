import { endpointOf, exitOf, graphqlClient, spawnShelfmark, tempDir } from '@shelfmark/testing';

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
});
