import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file the playground page loads, served by the router itself from memory. */
export interface Asset {
  /** Where the router serves it, e.g. `/playground/assets/react@18.3.1/react.production.min.js`. */
  readonly path: string;
  readonly contentType: string;
  readonly body: Buffer;
  /** Subresource Integrity of the body (`sha384-…`), checked by the browser before it runs it. */
  readonly integrity: string;
}

/** The files of the page, in the order it loads them. */
export interface PlaygroundAssets {
  readonly stylesheets: readonly Asset[];
  /** React, ReactDOM, GraphiQL and graphql-ws's browser client, in load order. */
  readonly libraries: readonly Asset[];
  /** The page's own script, loaded last: it renders GraphiQL. */
  readonly main: Asset;
  /** Every asset by the path it is served at. */
  readonly byPath: ReadonlyMap<string, Asset>;
}

export const ASSETS_PATH = '/playground/assets';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * Reads the playground's files once: the UMD builds of React, ReactDOM, GraphiQL (and its
 * stylesheet) and graphql-ws's client from the installed npm packages (never a CDN: the
 * playground works offline and trusts nothing but this server), and the page's own script and
 * stylesheet from ./client. Every path holds the package's version or the file's hash, so a
 * path's content never changes and browsers may cache it for a year. Throws at start-up when a
 * package is missing.
 */
export function loadPlaygroundAssets(): PlaygroundAssets {
  const react = fromPackage('react', 'umd/react.production.min.js', JS);
  const reactDom = fromPackage('react-dom', 'umd/react-dom.production.min.js', JS);
  const graphiqlJs = fromPackage('graphiql', 'graphiql.min.js', JS);
  const graphiqlCss = fromPackage('graphiql', 'graphiql.min.css', CSS);
  const graphqlWs = fromPackage('graphql-ws', 'umd/graphql-ws.min.js', JS);
  const ownJs = ownFile('playground.js', JS);
  const ownCss = ownFile('playground.css', CSS);
  const stylesheets = [graphiqlCss, ownCss];
  const libraries = [react, reactDom, graphiqlJs, graphqlWs];
  return {
    stylesheets,
    libraries,
    main: ownJs,
    byPath: new Map([...stylesheets, ...libraries, ownJs].map((asset) => [asset.path, asset])),
  };
}

/** A file of an installed package, at a path naming the package's version. */
function fromPackage(name: string, file: string, contentType: string): Asset {
  // The packages export neither their UMD builds nor package.json's folder, so the file is found
  // next to the package.json that require.resolve finds (the one the router would load).
  const manifest = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const body = withoutSourceMapComment(readFileSync(join(dirname(manifest), file)));
  return asset(`${ASSETS_PATH}/${name}@${version}/${file.split('/').at(-1)}`, contentType, body);
}

/** One of the page's own files (./client), at a path naming its hash. */
function ownFile(file: string, contentType: string): Asset {
  const body = readFileSync(join(__dirname, 'client', file));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const [stem, extension] = file.split('.');
  return asset(`${ASSETS_PATH}/${stem}.${hash}.${extension}`, contentType, body);
}

function asset(path: string, contentType: string, body: Buffer): Asset {
  return {
    path,
    contentType,
    body,
    integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
  };
}

/**
 * Drops a trailing `//# sourceMappingURL=…` line: the maps are not served (GraphiQL's is 4 MB),
 * and a browser's developer tools would otherwise ask for them and log a 404.
 */
function withoutSourceMapComment(body: Buffer): Buffer {
  const text = body.toString('utf8');
  const stripped = text.replace(/\n\/[/*][#@] sourceMappingURL=[^\n]*\s*$/, '\n');
  return stripped === text ? body : Buffer.from(stripped, 'utf8');
}
