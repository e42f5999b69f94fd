import type { WebAppOptions } from '@shelfmark/router';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The web app's workspace (web/ at the repository's root). */
export const WEB_DIR = resolve(__dirname, '../../../web');
/** Where its build goes, and where the router serves it from. */
export const WEB_DIST = join(WEB_DIR, 'dist');

/** What a build is made from: a file here newer than the build makes it stale. */
const SOURCES = [
  'src',
  'public',
  'build',
  'index.html',
  'vite.config.ts',
  'package.json',
  '../package-lock.json',
];

/** Whether web/dist can be served as it is. */
export type WebBuildState = 'fresh' | 'stale' | 'missing' | 'no-sources';

export function webBuildState(webDir = WEB_DIR): WebBuildState {
  const built = join(webDir, 'dist', 'index.html');
  const sources = SOURCES.map((source) => join(webDir, source)).filter((path) => existsSync(path));
  // An image that ships only the build (no sources, no Vite) serves it as it is.
  if (!existsSync(join(webDir, 'src'))) return existsSync(built) ? 'fresh' : 'no-sources';
  if (!existsSync(built)) return 'missing';
  const builtAt = statSync(built).mtimeMs;
  return sources.some((path) => newestChange(path) > builtAt) ? 'stale' : 'fresh';
}

/**
 * The web app for the router to serve, built first when web/dist is missing or older than its
 * sources (`npm start` runs this; a build takes a few seconds). Undefined, with a line in the
 * log, when there is nothing to serve and nothing to build it with.
 */
export async function prepareWebApp(
  log: (line: string) => void,
  webDir = WEB_DIR,
): Promise<WebAppOptions | undefined> {
  const state = webBuildState(webDir);
  if (state === 'no-sources') {
    log(`The web app is not built and its sources are not here (${webDir}): serving the API only.`);
    return undefined;
  }
  if (state !== 'fresh') {
    log(
      state === 'missing'
        ? 'Building the web app (first start)…'
        : 'Building the web app (its sources changed)…',
    );
    const began = Date.now();
    const report = await buildWebApp(webDir);
    log(`Web app built in ${((Date.now() - began) / 1000).toFixed(1)} s${report ? `; ${report}` : ''}.`);
  }
  return { root: join(webDir, 'dist') };
}

/**
 * The build as it is, for a process that does not build (the cluster's router, a container that
 * ships web/dist): undefined when there is none.
 */
export function builtWebApp(webDir = WEB_DIR): WebAppOptions | undefined {
  return existsSync(join(webDir, 'dist', 'index.html')) ? { root: join(webDir, 'dist') } : undefined;
}

/**
 * Runs `vite build` for web/ in a child process, into a folder of its own, then puts the result in
 * place of web/dist in one rename: a router reading web/dist never sees half a build, and two
 * builds at once (two test files, or npm start beside them) leave one whole build. Resolves to the
 * build's first-page line ("first page JavaScript …"); rejects with Vite's output when it fails.
 */
export async function buildWebApp(webDir = WEB_DIR): Promise<string | undefined> {
  const vite = viteBin(webDir);
  const outDir = join(webDir, `.build-${process.pid}-${Date.now()}`);
  try {
    const output = await run(
      process.execPath,
      [vite, 'build', '--config', join(webDir, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir'],
      webDir,
    );
    const dist = join(webDir, 'dist');
    rmSync(dist, { recursive: true, force: true });
    try {
      renameSync(outDir, dist);
    } catch (error) {
      // Another build put its own in place between the two steps: as fresh as this one.
      if (!existsSync(join(dist, 'index.html'))) throw error;
    }
    return /first page JavaScript[^\n]*/.exec(output)?.[0];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Vite's command-line script, as installed for web/ (a devDependency of the workspace). */
function viteBin(webDir: string): string {
  let manifest: string;
  try {
    manifest = createRequire(join(webDir, 'package.json')).resolve('vite/package.json');
  } catch {
    throw new Error(`Vite is not installed, so the web app cannot be built: run "npm install" first.`);
  }
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { vite: string } };
  return join(dirname(manifest), bin.vite);
}

function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`The web app's build failed (vite build exited with ${code}):\n${output}`));
    });
  });
}

/** The newest modification time of a file, or of anything in a folder. */
function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}
