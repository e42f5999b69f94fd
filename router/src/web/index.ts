import type { Request, RequestHandler, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** Where the router finds the built web app (`npm run build:web` writes web/dist). */
export interface WebAppOptions {
  /** The build's folder: index.html, assets/ (hashed names) and their .br/.gz twins. */
  readonly root: string;
}

/** Paths the web app never answers: the API, the playground and the probes keep them. */
const RESERVED = ['/graphql', '/playground', '/healthz', '/readyz', '/metrics'];

/** Vite names every file under assets/ after its content's hash: it never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The page's policy: everything from this server only (scripts, styles, the API and its
 * WebSocket), except book covers, which a librarian may give as any https address.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface WebFile {
  readonly body: Buffer;
  /** The build's precompressed twins, when smaller than the file. */
  readonly br?: Buffer;
  readonly gzip?: Buffer;
  readonly contentType: string;
  readonly cacheControl: string;
}

/**
 * Serves the built web app (docs/adr/0017-web-app.md) from memory: files read once at start-up,
 * each sent as the build compressed it (brotli or gzip, by Accept-Encoding), hashed assets cached
 * for a year, index.html revalidated on every visit (`no-cache`), and index.html for any other
 * page a browser navigates to (the app's own router shows it). The API, the playground and the
 * probes are passed on untouched. Throws at start-up when the build is missing.
 */
export function webAppRoutes(options: WebAppOptions): RequestHandler {
  const files = loadBuild(options.root);
  const index = files.get('/index.html');
  if (!index) {
    throw new Error(
      `The web app is not built: ${join(options.root, 'index.html')} is missing. Build it with "npm run build:web".`,
    );
  }
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isReserved(req.path)) {
      next();
      return;
    }
    const file = files.get(req.path === '/' ? '/index.html' : req.path);
    if (file) {
      send(req, res, file);
      return;
    }
    // A page of the app (/books/42, /account): the app decides what it shows. A missing file
    // (an old asset, a typo) or a client wanting JSON gets the ordinary 404.
    if (!req.path.startsWith('/assets/') && prefersHtml(req)) send(req, res, index);
    else next();
  };
}

function isReserved(path: string): boolean {
  return RESERVED.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

function send(req: Request, res: Response, file: WebFile): void {
  const encoding = chooseEncoding(req.header('accept-encoding'), file);
  const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : undefined;
  res.status(200).set({
    'content-type': file.contentType,
    'cache-control': file.cacheControl,
    'x-content-type-options': 'nosniff',
    ...(file.contentType.startsWith('text/html')
      ? {
          'content-security-policy': WEB_CONTENT_SECURITY_POLICY,
          'referrer-policy': 'same-origin',
          'x-frame-options': 'DENY',
          'cross-origin-opener-policy': 'same-origin',
        }
      : { 'cross-origin-resource-policy': 'same-origin' }),
  });
  if (file.br || file.gzip) res.vary('Accept-Encoding');
  if (body) res.set('content-encoding', encoding);
  // The file's ETag, hashed once (the router has express's per-answer ETag off); send() answers
  // HEAD without a body and a matching If-None-Match with 304.
  const sent = body ?? file.body;
  res.set('etag', etagOf(sent));
  res.send(sent);
}

const etags = new WeakMap<Buffer, string>();

/** A strong validator for one variant of a file (as built, or its brotli or gzip twin). */
function etagOf(body: Buffer): string {
  let tag = etags.get(body);
  if (!tag) {
    tag = `"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64url')}"`;
    etags.set(body, tag);
  }
  return tag;
}

/**
 * Brotli when the client takes it (smaller than gzip), then gzip, else the file as it is —
 * whatever order the client lists them in (browsers say "gzip, deflate, br").
 */
export function chooseEncoding(
  header: string | undefined,
  file: Pick<WebFile, 'br' | 'gzip'>,
): 'br' | 'gzip' | 'identity' {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const takes = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (file.br && takes('br')) return 'br';
  if (file.gzip && takes('gzip')) return 'gzip';
  return 'identity';
}

/** Every file of the build, by the path it is served at. */
function loadBuild(root: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  if (!existsSync(root)) return files;
  for (const path of walk(root)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const url = `/${relative(root, path).split(sep).join('/')}`;
    const body = readFileSync(path);
    const br = smaller(`${path}.br`, body);
    const gzip = smaller(`${path}.gz`, body);
    files.set(url, {
      body,
      ...(br ? { br } : {}),
      ...(gzip ? { gzip } : {}),
      contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      cacheControl: url.startsWith('/assets/') ? IMMUTABLE : 'no-cache',
    });
  }
  return files;
}

function smaller(path: string, than: Buffer): Buffer | undefined {
  if (!existsSync(path)) return undefined;
  const body = readFileSync(path);
  return body.length < than.length ? body : undefined;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
