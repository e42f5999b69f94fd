import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { BorrowBooks } from './operations';
import { launchOfflineBrowser, type OfflineBrowser } from './support/browser';
import { startLibrary, type Library } from './support/library';
import { until } from './support/subscribers';

/**
 * The offline playground in a real browser (issue 9 item 6): Debian's chromium, driven by
 * playwright-core, opens the router's /graphql on the embedded defaults. Every request the page
 * makes, WebSockets included, is intercepted: one leaving this machine is refused and fails the
 * test. Queries and a subscription run through GraphiQL's own editors, buttons and result pane.
 * Screenshots go to a temporary directory named in the output.
 */
describe('the playground in a browser', () => {
  let library: Library;
  /** The browser; its lists of requests sent off this machine and of errors the page logged or threw (Content-Security-Policy violations among them). */
  let chromium: OfflineBrowser;
  let context: BrowserContext;
  let page: Page;
  let screenshots: string;
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
  /**
   * GraphiQL reads the operation's name from the editor a moment after a change (the tab shows it);
   * run before that and it sends the previous operation's name, as a person clicking at once would.
   */
  const operationShown = (name: string) =>
    page.locator('.graphiql-tab-button', { hasText: new RegExp(`^${name}$`) }).waitFor();
  const showTool = (name: 'Variables' | 'Headers') =>
    page.locator('.graphiql-editor-tools button', { hasText: name }).click();

  beforeAll(async () => {
    screenshots = mkdtempSync(join(tmpdir(), 'shelfmark-playground-screenshots-'));
    library = await startLibrary({ prefix: 'shelfmark-playground-browser-' });
    chromium = await launchOfflineBrowser();
    context = await chromium.newContext({ viewport: { width: 1400, height: 900 } });
    page = await chromium.newPage(context);
    console.info(`playground screenshots: ${screenshots}`);
  });
  afterEach(() => {
    if (chromium) expect(chromium.drain()).toEqual({ offHost: [], pageErrors: [] });
  });
  afterAll(async () => {
    await chromium?.close();
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
    await operationShown('Find');
    await runButton().click();

    await resultPane().getByText('"The Left Hand of Darkness"').waitFor();
    await resultPane().getByText('"totalCount": 1').waitFor();
    await screenshot('3-query-result');
  });

  it('sends the Authorization header from the headers editor', async () => {
    const reader = await library.registerReader('Genly Ai');
    await page.locator('.graphiql-tab-add').click();
    await typeInto(queryEditor(), 'query Me { me { name email } }');
    await operationShown('Me');
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
