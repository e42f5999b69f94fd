import type { Request, RequestHandler, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { loadPlaygroundAssets, type Asset, type PlaygroundAssets } from './assets';
import { contentSecurityPolicy, renderPage } from './page';

export { EXAMPLE_TABS, type ExampleTab } from './examples';

/** Where the playground page is; a browser opening /graphql gets it there too. */
export const PLAYGROUND_PATH = '/playground';

/**
 * The offline playground (docs/adr/0015-offline-playground.md): GraphiQL at `/playground`, and at
 * `/graphql` for a GET that prefers HTML (a browser's address bar), with its files under
 * `/playground/assets/`, all served from installed npm packages. Every other request, a GET
 * /graphql asking for JSON or an event stream included, goes on untouched. `endpoint` is the path
 * GraphiQL sends operations to and opens its WebSocket on.
 */
export function playgroundRoutes(endpoint = '/graphql'): RequestHandler {
  const assets = loadPlaygroundAssets();
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    if (req.path === PLAYGROUND_PATH || req.path === `${PLAYGROUND_PATH}/`) {
      sendPage(res, assets, endpoint);
      return;
    }
    if (req.path === endpoint) {
      // The same URL answers JSON or the page by Accept, so caches must keep them apart.
      res.vary('Accept');
      if (prefersHtml(req)) sendPage(res, assets, endpoint);
      else next();
      return;
    }
    const asset = assets.byPath.get(req.path);
    if (asset) sendAsset(res, asset);
    else next();
  };
}

/** The page, with a policy allowing only this server and a nonce of its own. */
function sendPage(res: Response, assets: PlaygroundAssets, endpoint: string): void {
  // A new nonce per response: the page is never cached (no-store), so none is ever reused.
  const nonce = randomBytes(16).toString('base64');
  res
    .status(200)
    .set({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy(nonce),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    })
    .send(renderPage(assets, nonce, endpoint));
}

/**
 * A browser navigating to the endpoint asks for HTML first; a GraphQL client asks for JSON (or
 * for an event stream, or anything, or names nothing), and gets what it got before.
 */
function prefersHtml(req: Request): boolean {
  return (
    req.accepts([
      'application/graphql-response+json',
      'application/json',
      'text/event-stream',
      'text/html',
    ]) === 'text/html'
  );
}

/** An asset's path names its version or hash, so its content never changes: cached for a year. */
function sendAsset(res: Response, asset: Asset): void {
  res
    .status(200)
    .set({
      'content-type': asset.contentType,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    })
    .send(asset.body);
}
