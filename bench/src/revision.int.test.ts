import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { missingPackages, prepareRevision, REPOSITORY_ROOT } from './revision';

const worktrees = () =>
  execFileSync('git', ['-C', REPOSITORY_ROOT, 'worktree', 'list'], { encoding: 'utf8' });

describe('prepareRevision', () => {
  it('checks out a revision whose workspaces resolve to its own sources and whose libraries are installed', async () => {
    const revision = await prepareRevision('HEAD~1');
    try {
      expect(revision.commit).toBe(
        execFileSync('git', ['-C', REPOSITORY_ROOT, 'rev-parse', '--short', 'HEAD~1'], {
          encoding: 'utf8',
        }).trim(),
      );
      const fromRouter = { paths: [join(revision.root, 'router', 'src')] };
      // A workspace is the baseline's copy, not this checkout's.
      const errors = realpathSync(require.resolve('@shelfmark/errors', fromRouter));
      expect(errors.startsWith(realpathSync(revision.root))).toBe(true);
      expect(readFileSync(errors, 'utf8')).toBe(
        execFileSync(
          'git',
          ['-C', REPOSITORY_ROOT, 'show', `${revision.commit}:packages/errors/src/index.ts`],
          {
            encoding: 'utf8',
          },
        ),
      );
      // Everything else is this checkout's installed package.
      const graphql = realpathSync(require.resolve('graphql', fromRouter));
      expect(graphql.startsWith(join(REPOSITORY_ROOT, 'node_modules'))).toBe(true);
      expect(worktrees()).toContain(revision.root);
    } finally {
      await revision.close();
    }
    expect(existsSync(revision.root)).toBe(false);
    expect(worktrees()).not.toContain(revision.root);
  });

  it('refuses a revision that does not exist', async () => {
    await expect(prepareRevision('no-such-revision-anywhere')).rejects.toThrow(/no-such-revision-anywhere/);
  });

  it('lists what a baseline installs and today does not: its removed packages, not links, nested or optional ones', () => {
    const lockfile = JSON.stringify({
      packages: {
        '': { name: 'shelfmark' },
        'node_modules/graphql': { version: '16.0.0' },
        'node_modules/a-package-removed-since': { version: '3.1.3' },
        'node_modules/@scope/removed-too': { version: '1.0.0' },
        'node_modules/@shelfmark/errors': { resolved: 'packages/errors', link: true },
        'node_modules/graphql/node_modules/nested-only': { version: '1.0.0' },
        'node_modules/another-platforms-binary': { version: '1.0.0', optional: true },
      },
    });
    expect(missingPackages(lockfile, join(REPOSITORY_ROOT, 'node_modules'))).toEqual([
      'a-package-removed-since@3.1.3',
      '@scope/removed-too@1.0.0',
    ]);
  });
});
