import { listen } from '@shelfmark/subgraph-kit';
import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, webAppRoutes, WEB_CONTENT_SECURITY_POLICY } from '.';

function tempDir(prefix: string): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head></html>';
const SCRIPT = `console.log(${JSON.stringify('a script long enough to be worth compressing '.repeat(40))});`;

/** A build as `vite build` and its precompress step leave it, in a temporary folder. */
function fakeBuild(): { root: string; cleanup(): void } {
  const dir = tempDir('shelfmark-web-build-');
  mkdirSync(join(dir.path, 'assets'));
  const write = (name: string, body: string, compress: boolean) => {
    writeFileSync(join(dir.path, name), body);
    if (!compress) return;
    writeFileSync(join(dir.path, `${name}.br`), brotliCompressSync(body));
    writeFileSync(join(dir.path, `${name}.gz`), gzipSync(body));
  };
  write('index.html', INDEX, false);
  write('assets/index-abc123.js', SCRIPT, true);
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);
  return { root: dir.path, cleanup: dir.cleanup };
}

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body as sent, still compressed if it was. */
  readonly raw: Buffer;
}

describe('the router serving the web app', () => {
  let build: { root: string; cleanup(): void };
  let server: Server;
  let base: string;

  /** A request with exactly the headers given (fetch would add and decode Accept-Encoding). */
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<Answer>((resolve, reject) => {
      const req = request(`${base}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, raw: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  beforeAll(async () => {
    build = fakeBuild();
    const app = express();
    // As the router has it: the files' ETags are their own, not express's.
    app.set('etag', false);
    app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
    app.use(webAppRoutes({ root: build.root }));
    // Stands for the API: whatever reaches it was passed on by the web app's handler.
    app.use('/graphql', (_req, res) => void res.json({ api: true }));
    app.use('/playground', (_req, res) => void res.json({ playground: true }));
    ({ server, url: base } = await listen(app, '127.0.0.1', 0));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    build.cleanup();
  });

  it('serves index.html at / uncached (revalidated each visit), with a same-origin policy', async () => {
    const answer = await get('/', browser);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.raw.toString()).toBe(INDEX);

    const again = await get('/', { ...browser, 'if-none-match': answer.headers.etag! });
    expect(again.status).toBe(304);
  });

  it('sends a hashed asset precompressed, by Accept-Encoding, cached for a year', async () => {
    const br = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.raw).toString()).toBe(SCRIPT);
    expect(br.raw.length).toBeLessThan(SCRIPT.length / 5);

    const gzip = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.raw).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.toString()).toBe(SCRIPT);
  });

  it('prefers brotli, then gzip, honouring what the client refuses (q=0)', () => {
    const both = { br: Buffer.from('b'), gzip: Buffer.from('g') };
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseEncoding('br;q=0, gzip', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('*;q=0, identity', both)).toBe('identity');
    expect(chooseEncoding('gzip;q=0.5', both)).toBe('gzip');
    expect(chooseEncoding('br', { gzip: both.gzip })).toBe('identity');
    expect(chooseEncoding(undefined, both)).toBe('identity');
  });

  it('answers a page of the app a browser navigates to with index.html', async () => {
    for (const path of ['/books/42', '/account', '/sign-in?next=%2Faccount']) {
      const answer = await get(path, browser);
      expect(answer.status).toBe(200);
      expect(answer.raw.toString()).toBe(INDEX);
      expect(answer.headers['cache-control']).toBe('no-cache');
    }
    const head = await get('/books/42', browser, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.raw.length).toBe(0);
  });

  it('leaves a missing asset, and a client that wants JSON, to the 404', async () => {
    expect((await get('/assets/index-old999.js', browser)).status).toBe(404);
    expect((await get('/books/42', { accept: 'application/json' })).status).toBe(404);
    expect((await get('/books/42', { accept: '*/*' })).status).toBe(404);
  });

  it('passes the API, the playground and the probes on untouched, whatever they accept', async () => {
    expect(JSON.parse((await get('/graphql', browser)).raw.toString())).toEqual({ api: true });
    expect(JSON.parse((await get('/graphql/anything', browser)).raw.toString())).toEqual({ api: true });
    expect(JSON.parse((await get('/playground', browser)).raw.toString())).toEqual({ playground: true });
    expect(JSON.parse((await get('/healthz', browser)).raw.toString())).toEqual({ status: 'ok' });
    const post = await get('/books/42', browser, 'POST');
    expect(post.status).toBe(404);
  });

  it('refuses to start without a build, saying how to make one', () => {
    const empty = tempDir('shelfmark-web-empty-');
    try {
      expect(() => webAppRoutes({ root: empty.path })).toThrow(/index\.html is missing.*npm run build:web/);
    } finally {
      empty.cleanup();
    }
  });
});
