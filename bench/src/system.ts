import { endpointOf, exitOf, spawnShelfmark } from '@shelfmark/testing';

/** Starts `npm start` as a child process (off the load generator's event loop) and waits for it. */
export async function launch(env: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the system under load.
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const started = spawnShelfmark(env, nodeArgs);
  const url = await endpointOf(started);
  return {
    url,
    close: async () => {
      started.child.kill('SIGINT');
      await exitOf(started, 30_000);
    },
  };
}
