import {
  buildClientSchema,
  getIntrospectionQuery,
  parse,
  validate,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from 'graphql';
import { createHash } from 'node:crypto';
import { startLibrary, type Library } from './support/library';

/** What a browser sends when it opens a URL from its address bar. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

interface Page {
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
}

/** Opens `path` on the router as a browser's address bar would. */
async function open(library: Library, path: string): Promise<Page> {
  const response = await fetch(new URL(path, library.shelfmark.url), { headers: { accept: BROWSER_ACCEPT } });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

function isPlayground(page: Page): boolean {
  return (
    page.status === 200 &&
    page.headers.get('content-type')?.startsWith('text/html') === true &&
    page.html.includes('<title>Shelfmark playground</title>')
  );
}

/** Every URL the page's elements load (`src` and `href` attributes), with its integrity. */
function loadedUrls(html: string): { url: string; integrity: string | undefined }[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*>/g)].flatMap(([tag]) => {
    const url = /\b(?:src|href)="([^"]*)"/.exec(tag)?.[1];
    return url === undefined ? [] : [{ url, integrity: /\bintegrity="([^"]*)"/.exec(tag)?.[1] }];
  });
}

/** The config the page hands to its script: the endpoint and the tabs GraphiQL opens with. */
function configOf(html: string): { endpoint: string; tabs: { query: string; variables: string }[] } {
  const json = /<script type="application\/json" id="playground-config">([^<]*)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('The page has no playground-config block');
  return JSON.parse(json) as { endpoint: string; tabs: { query: string; variables: string }[] };
}

/**
 * The offline playground (issue 9 item 6): GraphiQL served by the router itself, its files from
 * npm packages under /playground/assets, nothing from another host, under a strict CSP; GraphQL
 * clients see the endpoint as before. The whole embedded system, over real HTTP.
 */
describe('the offline playground', () => {
  describe('on the embedded defaults (development)', () => {
    let library: Library;

    beforeAll(async () => {
      library = await startLibrary({ prefix: 'shelfmark-playground-' });
    });
    afterAll(() => library?.close());

    it('answers a browser opening /graphql with GraphiQL under a strict Content-Security-Policy', async () => {
      const page = await open(library, '/graphql');

      expect(isPlayground(page)).toBe(true);
      const policy = page.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        policy.split(';').map((directive) => {
          const [name = '', ...values] = directive.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('connect-src')).toEqual(["'self'"]);
      expect(directives.get('style-src')).toEqual([
        "'self'",
        expect.stringMatching(/^'nonce-[\w+/=]{16,}'$/),
      ]);
      expect(policy).not.toMatch(/unsafe-(inline|eval)|\*|https?:/);
      // The nonce is new for every response, and only the page's own script carries it.
      const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
      expect(page.html.split(`nonce="${nonce}"`)).toHaveLength(2);
      expect((await open(library, '/graphql')).headers.get('content-security-policy')).not.toBe(policy);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('vary')).toMatch(/accept/i);
      // No inline script: the only <script> without src is the JSON config, which is data.
      const inline = [...page.html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/g)].map(([tag]) => tag);
      expect(inline).toEqual(['<script type="application/json" id="playground-config">']);
    });

    it('serves the same page at /playground', async () => {
      expect(isPlayground(await open(library, '/playground'))).toBe(true);
    });

    it('loads every file from the router itself, as its integrity says, cached for a year', async () => {
      const { html } = await open(library, '/graphql');

      // No absolute URL at all, so none to another host: no http(s)://, ws(s)://, or //host.
      expect(html.match(/\b[a-z][a-z0-9+.-]*:\/\//gi)).toBeNull();
      for (const { url } of loadedUrls(html)) expect(url).toMatch(/^(?:\/(?!\/)|data:)/);
      const urls = loadedUrls(html).filter(({ url }) => !url.startsWith('data:'));
      const version = String.raw`\d+\.\d+\.\d+`;
      expect(urls.map(({ url }) => url)).toEqual(
        [
          String.raw`graphiql@${version}/graphiql\.min\.css`,
          String.raw`playground\.[0-9a-f]{12}\.css`,
          String.raw`react@${version}/react\.production\.min\.js`,
          String.raw`react-dom@${version}/react-dom\.production\.min\.js`,
          String.raw`graphiql@${version}/graphiql\.min\.js`,
          String.raw`graphql-ws@${version}/graphql-ws\.min\.js`,
          String.raw`playground\.[0-9a-f]{12}\.js`,
        ].map((file): unknown => expect.stringMatching(new RegExp(`^/playground/assets/${file}$`))),
      );
      for (const { url, integrity } of urls) {
        const response = await fetch(new URL(url, library.shelfmark.url));
        expect({ url, status: response.status }).toEqual({ url, status: 200 });
        expect(response.headers.get('content-type')).toMatch(
          url.endsWith('.js') ? /^text\/javascript/ : /^text\/css/,
        );
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        const body = Buffer.from(await response.arrayBuffer());
        expect(integrity).toBe(`sha384-${createHash('sha384').update(body).digest('base64')}`);
      }
      const missing = await fetch(
        new URL('/playground/assets/react@18.3.1/react.development.js', library.shelfmark.url),
      );
      expect(missing.status).toBe(404);
      const outside = await fetch(
        new URL('/playground/assets/react@18.3.1/..%2Fpackage.json', library.shelfmark.url),
      );
      expect(outside.status).toBe(404);
    });

    it('opens the example operations as tabs, each valid against the API', async () => {
      const { endpoint, tabs } = configOf((await open(library, '/playground')).html);
      const introspection = await library.request<IntrospectionQuery>(getIntrospectionQuery());
      const schema = buildClientSchema(introspection.data!);

      expect(endpoint).toBe('/graphql');
      const operations = tabs.flatMap((tab) => {
        const document = parse(tab.query);
        expect(validate(schema, document)).toEqual([]);
        expect(() => JSON.parse(tab.variables) as unknown).not.toThrow();
        return document.definitions.map(
          (d) => `${(d as OperationDefinitionNode).operation} ${(d as OperationDefinitionNode).name?.value}`,
        );
      });
      expect(operations).toEqual([
        'query SearchBooks',
        'mutation RegisterMember',
        'mutation Login',
        'mutation BorrowBooks',
        'subscription RankingChanged',
        'subscription BookStatusChanged',
      ]);
    });

    it('leaves GraphQL clients as they were: GETs without HTML, and CSRF prevention on POSTs', async () => {
      const url = new URL(library.shelfmark.url);
      url.searchParams.set('query', '{ __typename }');
      const get = (headers: Record<string, string>) => fetch(url, { headers });

      // A query over GET: refused without a preflight header (a simple request a page could make
      // cross-site), answered with one; neither is the page.
      const simple = await get({ accept: 'application/json' });
      expect(simple.status).toBe(400);
      expect(await simple.text()).toMatch(/Cross-Site Request Forgery/);
      const preflighted = await get({ accept: 'application/json', 'apollo-require-preflight': 'true' });
      expect(preflighted.status).toBe(200);
      expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
      for (const accept of ['*/*', 'application/graphql-response+json', 'text/event-stream']) {
        const answer = await get({ accept, 'apollo-require-preflight': 'true' });
        expect({ accept, type: answer.headers.get('content-type') }).not.toEqual({
          accept,
          type: expect.stringMatching(/^text\/html/),
        });
        await answer.body?.cancel();
      }
      // A POST a form could send cross-site is refused; GraphiQL's own (JSON) goes through.
      const post = (contentType: string) =>
        fetch(library.shelfmark.url, {
          method: 'POST',
          headers: { 'content-type': contentType, accept: BROWSER_ACCEPT },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      const form = await post('text/plain');
      expect(form.status).toBe(400);
      expect(await form.text()).toMatch(/Cross-Site Request Forgery/);
      const json = await post('application/json');
      expect(json.status).toBe(200);
      expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('in production', () => {
    let off: Library;
    let on: Library;

    beforeAll(async () => {
      [off, on] = await Promise.all([
        startLibrary({ prefix: 'shelfmark-playground-off-', env: { NODE_ENV: 'production' } }),
        startLibrary({
          prefix: 'shelfmark-playground-on-',
          env: { NODE_ENV: 'production', SHELFMARK_PLAYGROUND: 'true' },
        }),
      ]);
    });
    afterAll(async () => {
      await off?.close();
      await on?.close();
    });

    it('serves no playground and none of its files unless SHELFMARK_PLAYGROUND=true', async () => {
      const page = await open(on, '/graphql');
      expect(isPlayground(page)).toBe(true);
      expect(isPlayground(await open(on, '/playground'))).toBe(true);

      const refused = await open(off, '/graphql');
      expect(isPlayground(refused)).toBe(false);
      expect(refused.html).not.toMatch(/graphiql/i);
      expect((await open(off, '/playground')).status).toBe(404);
      for (const { url } of loadedUrls(page.html).filter(({ url }) => url.startsWith('/'))) {
        expect({ url, status: (await fetch(new URL(url, on.shelfmark.url))).status }).toEqual({
          url,
          status: 200,
        });
        expect({ url, status: (await fetch(new URL(url, off.shelfmark.url))).status }).toEqual({
          url,
          status: 404,
        });
      }
    });
  });
});
