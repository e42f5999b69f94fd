import type { PlaygroundAssets } from './assets';
import { DEFAULT_HEADERS, EXAMPLE_TABS } from './examples';

/**
 * The page's Content-Security-Policy: scripts, styles and connections only from this server
 * (`'self'` covers ws:/wss: to it as well), no inline script at all, inline styles only from
 * elements carrying this response's nonce (GraphiQL's dialogs add some), fonts and icons as
 * `data:` (GraphiQL's stylesheet embeds its fonts), no plugins, no framing, no form posts.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The playground's HTML: GraphiQL's and the page's stylesheets, the config as a JSON data block
 * (not a script: the policy runs none inline), then the scripts, each pinned by its integrity.
 * `endpoint` is where GraphiQL sends operations (its WebSocket goes to the same path).
 */
export function renderPage(assets: PlaygroundAssets, nonce: string, endpoint: string): string {
  const config = { endpoint, tabs: EXAMPLE_TABS, defaultHeaders: DEFAULT_HEADERS };
  const stylesheets = assets.stylesheets.map(
    (css) => `    <link rel="stylesheet" href="${css.path}" integrity="${css.integrity}" />`,
  );
  const scripts = assets.libraries.map(
    (js) => `    <script src="${js.path}" integrity="${js.integrity}"></script>`,
  );
  // The page's own script carries the nonce to hand it to GraphiQL's style elements.
  const { main } = assets;
  scripts.push(`    <script src="${main.path}" integrity="${main.integrity}" nonce="${nonce}"></script>`);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Shelfmark playground</title>
    <link rel="icon" href="data:," />
${stylesheets.join('\n')}
  </head>
  <body>
    <div id="graphiql">
      <p class="playground-loading">Loading the playground…</p>
      <noscript>The playground (GraphiQL) needs JavaScript.</noscript>
    </div>
    <script type="application/json" id="playground-config">${jsonForHtml(config)}</script>
${scripts.join('\n')}
  </body>
</html>
`;
}

/** JSON safe inside a <script> data block: no `<` can close the element or open a comment. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
