import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { until } from './subscribers';

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

/** Hosts a page may reach: the router, on this machine. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The WCAG 2.2 AA rule sets axe-core checks pages against. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Whether a page may load this address: this machine, or data it carries itself. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || LOCAL_HOSTS.has(hostname);
}

/**
 * Debian's chromium, offline: every context it opens refuses what leaves this machine (requests and
 * WebSockets), and every page reports the errors it logs or throws. A test checks both lists after
 * each test (`drain()`, so one test's failure is not every later test's); `expectedErrors` lets
 * one test expect a logged error.
 */
export interface OfflineBrowser {
  readonly browser: Browser;
  /** Requests (and WebSockets) pages tried to send off this machine. */
  readonly offHost: string[];
  /** Errors pages logged or threw, other than those expected. */
  readonly pageErrors: string[];
  /** Console errors the current test expects (a refused token is a 401 the browser logs). */
  expectedErrors: RegExp[];
  /** A context (its own storage, like another person's browser), offline. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page whose errors are reported. */
  newPage(context: BrowserContext): Promise<Page>;
  /** What went wrong since the last call (requests off this machine, page errors), emptying both lists. */
  drain(): { offHost: string[]; pageErrors: string[] };
  close(): Promise<void>;
}

export async function launchOfflineBrowser(): Promise<OfflineBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser test needs Debian's chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this).`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const offHost: string[] = [];
  const pageErrors: string[] = [];
  const session: OfflineBrowser = {
    browser,
    offHost,
    pageErrors,
    expectedErrors: [],
    async newContext(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
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
      return context;
    },
    async newPage(context) {
      const opened = await context.newPage();
      opened.on('console', (message) => {
        if (
          message.type() === 'error' &&
          !session.expectedErrors.some((expected) => expected.test(message.text()))
        ) {
          pageErrors.push(message.text());
        }
      });
      opened.on('pageerror', (error) => pageErrors.push(error.message));
      return opened;
    },
    drain: () => ({ offHost: offHost.splice(0), pageErrors: pageErrors.splice(0) }),
    close: () => browser.close(),
  };
  return session;
}

/**
 * Where a test's screenshots go: SHELFMARK_SCREENSHOTS_DIR (relative to the repository, e.g.
 * docs/screenshots for the README), else a new temporary folder named `prefix…`.
 */
export function screenshotsDir(prefix: string): string {
  const chosen = process.env['SHELFMARK_SCREENSHOTS_DIR'];
  const dir = chosen ? resolve(__dirname, '..', '..', chosen) : mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** axe-core on the page as it is now: its serious or critical WCAG 2.2 AA violations, as lines. */
export async function seriousViolations(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${name}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

// Code run in the page reaches the document through the element or a typed `globalThis`: the e2e
// files are compiled without the DOM's types.
/** What the page's globals are used for here. */
export interface PageGlobals {
  localStorage: { setItem(key: string, value: string): void; getItem(key: string): string | null };
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

/** What is used here of an element in the page. */
export interface PageElement {
  getAttribute(name: string): string | null;
  ownerDocument: {
    activeElement: unknown;
    getElementById(id: string): { textContent: string | null } | null;
    defaultView: { getComputedStyle(element: unknown): { outlineStyle: string } } | null;
  };
}

/** How much wider than the window the page is (0: no sideways scrolling). */
export async function overflowWidth(page: Page): Promise<number> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const { documentElement } = (globalThis as unknown as PageGlobals).document;
    return { scrollWidth: documentElement.scrollWidth, clientWidth: documentElement.clientWidth };
  });
  return Math.max(0, scrollWidth - clientWidth);
}

/** Waits until the element has the focus. */
export const focused = (locator: Locator) =>
  until(() => locator.evaluate((element: PageElement) => element === element.ownerDocument.activeElement));

/** Waits until the text tied to a field by aria-describedby (its hint, its error) matches. */
export const describedAs = (locator: Locator, expected: RegExp) =>
  until(async () =>
    expected.test(
      await locator.evaluate((element: PageElement) =>
        (element.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => element.ownerDocument.getElementById(id)?.textContent?.trim() ?? '')
          .join(' '),
      ),
    ),
  );
