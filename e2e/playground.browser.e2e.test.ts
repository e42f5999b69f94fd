import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { BorrowBooks } from './operations';
import { startLibrary, type Library } from './support/library';
import { until } from './support/subscribers';

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it when missing). */
const CHROMIUM = '/usr/bin/chromium';

/** Hosts the page may reach: the router, on this machine. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The offline playground in a real browser (issue 9 item 6): Debian's chromium, driven by
 * playwright-core, opens the router's /graphql on the embedded defaults. Every request the page
 * makes, WebSockets included, is intercepted: one leaving this machine is refused and fails the
 * test. Queries and a subscription run through GraphiQL's own editors, buttons and result pane.
 * Screenshots go to a temporary directory named in the output.
 */
describe('the playground in a browser', () => {
  let library: Library;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let screenshots: string;
  /** Requests (and WebSockets) the page tried to send off this machine. */
  const offHost: string[] = [];
  /** Errors the page logged or threw, Content-Security-Policy violations among them. */
  const pageErrors: string[] = [];

  const isLocal = (url: string) => {
    const { protocol, hostname } = new URL(url);
    return protocol === 'data:' || LOCAL_HOSTS.has(hostname);
  };
  const screenshot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`) });
  const tab = (name: string) => page.locator('.graphiql-tab-button', { hasText: name });
  const queryEditor = () => page.locator('.graphiql-query-editor .CodeMirror');
  const toolEditor = () => page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror');
  const resultPane = () => page.locator('section.result-window');
  const runButton = () => page.locator('.graphiql-execute-button');

  /** Replaces what an editor holds by typing, as a person would (select all, then the text). */
  const typeInto = async (editor: Locator, text: string) => {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  };
  const showTool = (name: 'Variables' | 'Headers') =>
    page.locator('.graphiql-editor-tools button', { hasText: name }).click();

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `The browser test needs Debian's chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this).`,
      );
    }
    screenshots = mkdtempSync(join(tmpdir(), 'shelfmark-playground-screenshots-'));
    library = await startLibrary({ prefix: 'shelfmark-playground-browser-' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Every wait is for a condition; this only turns a hang into a failure, far above any need.
    context.setDefaultTimeout(120_000);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      offHost.push(url);
      return route.abort('blockedbyclient');
    });
    await context.routeWebSocket(
      () => true,
      async (socket) => {
        if (isLocal(socket.url())) {
          socket.connectToServer();
        } else {
          offHost.push(socket.url());
          await socket.close();
        }
      },
    );
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    console.info(`playground screenshots: ${screenshots}`);
  });
  afterEach(() => {
    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await library?.close();
  });

  it('renders GraphiQL from the router alone, the example operations as tabs', async () => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    await page.goto(library.shelfmark.url);
    await runButton().waitFor();
    // The schema came from the router (introspection): the documentation explorer lists its types.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();

    expect(await page.locator('.graphiql-tab-button').allTextContents()).toEqual([
      'SearchBooks',
      'RegisterMember',
      'RankingChanged',
      'BookStatusChanged',
    ]);
    const origin = new URL(library.shelfmark.url).origin;
    expect(requested.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    await screenshot('1-opened');

    // A dialog adds <style> elements: they carry the page's nonce, so the policy lets them in.
    await page.getByRole('button', { name: 'Open settings dialog' }).click();
    await page.getByRole('dialog').waitFor();
    await screenshot('2-settings-dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Hide Documentation Explorer' }).click();
  });

  it('runs a query typed into the editor and shows the result', async () => {
    await library.addBook('The Left Hand of Darkness', 2);
    await page.locator('.graphiql-tab-add').click();

    await typeInto(
      queryEditor(),
      'query Find { books(search: "left hand") { totalCount edges { node { title availability { available } } } } }',
    );
    await runButton().click();

    await resultPane().getByText('"The Left Hand of Darkness"').waitFor();
    await resultPane().getByText('"totalCount": 1').waitFor();
    await screenshot('3-query-result');
  });

  it('sends the Authorization header from the headers editor', async () => {
    const reader = await library.registerReader('Genly Ai');
    await page.locator('.graphiql-tab-add').click();
    await typeInto(queryEditor(), 'query Me { me { name email } }');
    await showTool('Headers');
    // Written as people write it; the router reads the header (and connectionParams) in lower case.
    await typeInto(toolEditor(), JSON.stringify({ Authorization: `Bearer ${reader.token}` }));
    await runButton().click();

    await resultPane().getByText('"Genly Ai"').waitFor();
    await screenshot('4-signed-in');
  });

  it('runs bookStatusChanged over graphql-ws and shows the push a borrow causes', async () => {
    const bookId = await library.addBook('The Dispossessed', 1);
    const watcher = await library.registerReader('Shevek');
    const borrower = await library.registerReader('Takver');
    await tab('BookStatusChanged').click();
    await showTool('Variables');
    await typeInto(toolEditor(), JSON.stringify({ bookId }));
    await showTool('Headers');

    // The token goes as connectionParams.authorization: a bad one is refused by the router, and
    // the pane says why at once (the close reason), instead of retrying.
    await typeInto(toolEditor(), JSON.stringify({ Authorization: 'Bearer not-a-token' }));
    await runButton().click();
    await resultPane().getByText('"The token is not valid. Please sign in again."').waitFor();
    await resultPane().getByText('"closeCode": 4403').waitFor();
    await screenshot('5-subscription-refused');
    expect(library.shelfmark.router.subscriptions.subscriberCount).toBe(0);

    await typeInto(toolEditor(), JSON.stringify({ authorization: `Bearer ${watcher.token}` }));
    await runButton().click();
    await until(() => library.shelfmark.router.subscriptions.subscriberCount === 1);
    const borrowed = await library.request(BorrowBooks, { bookIds: [bookId] }, { token: borrower.token });
    expect(borrowed.errors).toBeUndefined();

    await resultPane().getByText('"onLoan": 1').waitFor();
    await resultPane().getByText('"available": 0').waitFor();
    await resultPane().getByText('"The Dispossessed"').waitFor();
    await screenshot('6-subscription-push');
    await runButton().click();
    await until(() => library.shelfmark.router.subscriptions.subscriberCount === 0);
  });
});
