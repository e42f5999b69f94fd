import { execFile } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository this benchmark runs from. */
export const REPOSITORY_ROOT = resolve(__dirname, '..', '..');

/** Another revision of Shelfmark, checked out beside this one so a benchmark can run both in one go. */
export interface Revision {
  /** The revision as asked for (`BENCH_BASELINE`), e.g. `main~3` or a commit. */
  readonly name: string;
  /** Its abbreviated commit. */
  readonly commit: string;
  /** The root of its worktree: run its code from here (e.g. `<root>/packages/launcher/src/main.ts`). */
  readonly root: string;
  /** Removes the worktree. */
  close(): Promise<void>;
}

/**
 * Checks out `rev` as a detached git worktree in a temporary folder and gives it a node_modules in
 * which every `@shelfmark/*` workspace resolves to the worktree's own sources, and every other
 * package to this checkout's installed copy — no install, no network. A before/after benchmark then
 * starts the baseline's system from `root` and today's from {@link REPOSITORY_ROOT}, alternating in
 * one run, so each gain is a ratio measured on one machine at one time.
 *
 * Third-party packages are today's versions: a baseline whose dependencies differ from today's runs
 * on today's dependencies (the figure then measures the code, not the library upgrade). A package
 * the baseline's lockfile has and today's install no longer does (one since removed) is installed
 * for the worktree alone, at the baseline's version, from the npm registry.
 */
export async function prepareRevision(rev: string): Promise<Revision> {
  const git = async (...args: string[]) => (await run('git', ['-C', REPOSITORY_ROOT, ...args])).stdout.trim();
  const commit = await git('rev-parse', '--short', `${rev}^{commit}`);
  const root = mkdtempSync(join(tmpdir(), `shelfmark-${commit}-`));
  await git('worktree', 'add', '--detach', '--force', root, commit);
  try {
    linkDependencies(root);
    await installMissing(root);
  } catch (error) {
    await git('worktree', 'remove', '--force', root);
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    name: rev,
    commit,
    root,
    close: () =>
      (closed ??= (async () => {
        try {
          await git('worktree', 'remove', '--force', root);
        } finally {
          rmSync(root, { recursive: true, force: true });
          await git('worktree', 'prune');
        }
      })()),
  };
}

/**
 * Mirrors this checkout's node_modules into `root`: workspace links point into `root`, the rest at
 * this checkout's packages. Workspaces' own node_modules folders (npm hoists conflicting versions
 * there) are linked the same way.
 */
function linkDependencies(root: string): void {
  const source = join(REPOSITORY_ROOT, 'node_modules');
  const target = join(root, 'node_modules');
  mirror(source, target, root);
  for (const workspace of workspaceFolders(source)) {
    const nested = join(REPOSITORY_ROOT, workspace, 'node_modules');
    const into = join(root, workspace);
    if (existsSync(nested) && existsSync(into) && !existsSync(join(into, 'node_modules'))) {
      symlinkSync(nested, join(into, 'node_modules'), 'dir');
    }
  }
}

/** Every entry of `source` as a link in `target`; a workspace link is re-aimed at the same place in `root`. */
function mirror(source: string, target: string, root: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source)) {
    const from = join(source, entry);
    const to = join(target, entry);
    if (entry.startsWith('@') && lstatSync(from).isDirectory()) {
      mirror(from, to, root);
      continue;
    }
    if (lstatSync(from).isSymbolicLink()) {
      const pointsAt = resolve(source, readlinkSync(from));
      const inRepository = relative(REPOSITORY_ROOT, pointsAt);
      if (!inRepository.startsWith('..') && !inRepository.startsWith('node_modules')) {
        // A workspace (`@shelfmark/router` → router/): the baseline's own sources.
        symlinkSync(join(root, inRepository), to, 'dir');
        continue;
      }
    }
    symlinkSync(from, to);
  }
}

/**
 * The top-level packages `lockfile` (a package-lock.json's text) installs that `installed` (a
 * node_modules folder) lacks, as `name@version`.
 */
export function missingPackages(lockfile: string, installed: string): string[] {
  const { packages = {} } = JSON.parse(lockfile) as {
    packages?: Record<string, { version?: string; link?: boolean; optional?: boolean }>;
  };
  const missing: string[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    const name = path.startsWith('node_modules/') ? path.slice('node_modules/'.length) : undefined;
    // Optional packages (another platform's binaries) are not installed here by design.
    if (!name || name.includes('/node_modules/') || entry.link || entry.optional || !entry.version) continue;
    if (!existsSync(join(installed, name))) missing.push(`${name}@${entry.version}`);
  }
  return missing;
}

/** Installs what the worktree's lockfile has and this checkout's node_modules lacks, beside it, and links it in. */
async function installMissing(root: string): Promise<void> {
  const lockfile = join(root, 'package-lock.json');
  if (!existsSync(lockfile)) return;
  const missing = missingPackages(readFileSync(lockfile, 'utf8'), join(REPOSITORY_ROOT, 'node_modules'));
  if (missing.length === 0) return;
  const extra = join(root, '.bench-extra');
  mkdirSync(extra, { recursive: true });
  writeFileSync(join(extra, 'package.json'), '{"private":true}');
  await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', ...missing], {
    cwd: extra,
  });
  for (const spec of missing) {
    const name = spec.slice(0, spec.lastIndexOf('@'));
    const to = join(root, 'node_modules', name);
    mkdirSync(join(to, '..'), { recursive: true });
    if (!existsSync(to)) symlinkSync(join(extra, 'node_modules', name), to, 'dir');
  }
}

/** The workspace folders, read from node_modules' workspace links (relative to the repository). */
function workspaceFolders(nodeModules: string): string[] {
  const folders: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (entry.startsWith('@') && lstatSync(path).isDirectory()) visit(path);
      else if (lstatSync(path).isSymbolicLink()) {
        const inRepository = relative(REPOSITORY_ROOT, resolve(folder, readlinkSync(path)));
        if (!inRepository.startsWith('..') && !inRepository.startsWith('node_modules'))
          folders.push(inRepository);
      }
    }
  };
  visit(nodeModules);
  return folders;
}
