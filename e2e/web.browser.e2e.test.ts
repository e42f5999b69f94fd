import { prepareWebApp } from '@shelfmark/launcher';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { BorrowBooks } from './operations';
import {
  describedAs,
  focused,
  launchOfflineBrowser,
  overflowWidth,
  screenshotsDir,
  seriousViolations,
  type OfflineBrowser,
  type PageElement,
  type PageGlobals,
} from './support/browser';
import { startLibrary, type Library, type Reader } from './support/library';
import { until } from './support/subscribers';

/** Where screenshots go: SHELFMARK_SCREENSHOTS_DIR (docs/screenshots for the README), else a temporary folder. */
const SCREENSHOTS = screenshotsDir('shelfmark-web-screenshots-');

/** Public-domain books, so the catalogue, its facet and the screenshots look like a library. */
const SHELF = [
  {
    title: 'Pride and Prejudice',
    authors: ['Jane Austen'],
    subjects: ['fiction', 'romance'],
    publishedYear: 1813,
  },
  {
    title: 'Frankenstein',
    authors: ['Mary Shelley'],
    subjects: ['fiction', 'science fiction'],
    publishedYear: 1818,
  },
  {
    title: 'Moby-Dick',
    authors: ['Herman Melville'],
    subjects: ['fiction', 'sea stories'],
    publishedYear: 1851,
  },
  { title: 'The Origin of Species', authors: ['Charles Darwin'], subjects: ['science'], publishedYear: 1859 },
  { title: 'Middlemarch', authors: ['George Eliot'], subjects: ['fiction'], publishedYear: 1871 },
] as const;

/**
 * The web app in a real browser (issue 10): Debian's chromium, driven by playwright-core, against
 * the whole system as `npm start` runs it (the build made first if missing or stale, as npm start
 * does). A reader registers, searches, borrows, renews, places and cancels a hold; a second browser
 * sees availability change and the ranking move without reloading. Every page passes axe-core's
 * WCAG 2.2 AA rules with no serious or critical violation and has no sideways scrolling at 360 px.
 * Every request the pages make is intercepted: one leaving this machine fails the test. Elements
 * are found by role and label, as a person finds them.
 */
describe('the web app in a browser', () => {
  let library: Library;
  let chromium: OfflineBrowser;
  /** The reader's browser, and a second one (anonymous) that watches. */
  let readerContext: BrowserContext;
  let watcherContext: BrowserContext;
  let page: Page;
  let watcher: Page;
  let reader: { name: string; email: string; password: string };
  const bookIds = new Map<string, string>();

  const appUrl = (path: string) => new URL(path, library.shelfmark.url).href;
  const screenshot = (target: Page, name: string) =>
    target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** axe-core on the page as it is now: no serious or critical violation of WCAG 2.2 AA. */
  const expectAccessible = async (target: Page, name: string) =>
    expect(await seriousViolations(target, name)).toEqual([]);
  const newContext = (options?: Parameters<OfflineBrowser['newContext']>[0]) => chromium.newContext(options);
  const newPage = (context: BrowserContext) => chromium.newPage(context);

  /** Replaces the session the app keeps in localStorage. */
  const storeSession = (target: Page, value: string) =>
    target.evaluate(
      (session) => (globalThis as unknown as PageGlobals).localStorage.setItem('shelfmark.session', session),
      value,
    );

  /** The availability box of a book page (a region named after its heading). */
  const availability = (target: Page) => target.getByRole('region', { name: /^Availability/ });

  beforeAll(async () => {
    // As npm start does: build web/dist when it is missing or older than web/src.
    const web = await prepareWebApp((line) => console.info(line));
    if (!web) throw new Error('The web app could not be prepared: web/src is missing.');
    library = await startLibrary({ prefix: 'shelfmark-web-browser-', options: { web } });
    for (const [index, book] of SHELF.entries()) {
      const details = { ...book, authors: [...book.authors], subjects: [...book.subjects] };
      bookIds.set(book.title, await library.addBook(book.title, index < 2 ? 3 : 2, details));
    }
    chromium = await launchOfflineBrowser();
    readerContext = await newContext();
    watcherContext = await newContext();
    page = await newPage(readerContext);
    watcher = await newPage(watcherContext);
    console.info(`web app screenshots: ${SCREENSHOTS}`);
  });
  afterEach(() => {
    if (chromium) expect(chromium.drain()).toEqual({ offHost: [], pageErrors: [] });
    chromium.expectedErrors = [];
  });
  afterAll(async () => {
    await chromium?.close();
    await library?.close();
  });

  it('loads the first page with at most 150 kB of compressed JavaScript, all from the router', async () => {
    const scripts: Promise<{ url: string; encoding: string | undefined; bytes: number }>[] = [];
    const context = await newContext();
    const first = await newPage(context);
    first.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(
        response
          .request()
          .sizes()
          .then(({ responseBodySize }) => ({
            url: response.url(),
            encoding: response.headers()['content-encoding'],
            bytes: responseBodySize,
          })),
      );
    });
    await first.goto(appUrl('/'), { waitUntil: 'networkidle' });
    await first.getByText('5 books found').waitFor();
    const sent = await Promise.all(scripts);
    const total = sent.reduce((sum, script) => sum + script.bytes, 0);
    console.info(
      `first page: ${sent.length} scripts, ${(total / 1000).toFixed(1)} kB as sent (${[...new Set(sent.map((s) => s.encoding))].join(', ')})`,
    );
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.filter((script) => script.encoding !== 'br' && script.encoding !== 'gzip')).toEqual([]);
    expect(total).toBeLessThanOrEqual(150_000);
    await context.close();
  });

  it('lets a reader join, checking the form before it is sent and showing the API’s refusals next to the field', async () => {
    await page.goto(appUrl('/'));
    await page.getByRole('link', { name: 'Join', exact: true }).click();
    await page.getByRole('heading', { name: 'Join the library' }).waitFor();
    await expectAccessible(page, 'register');

    reader = { name: 'Ursula Reader', email: 'ursula@library.test', password: 'short' };
    await page.getByLabel('Your name').fill(reader.name);
    await page.getByLabel('E-mail').fill(reader.email);
    await page.getByLabel('Password').fill(reader.password);
    await page.getByRole('button', { name: 'Join' }).click();
    // Checked before sending, said next to the field and tied to it; the field takes the focus.
    await focused(page.getByLabel('Password'));
    await describedAs(
      page.getByLabel('Password'),
      /At least 8 characters\. Choose a password of at least 8 characters\./,
    );

    // An e-mail already taken: the API's ALREADY_EXISTS, next to the form.
    await library.registerReader('Someone Else', 'taken@library.test');
    reader.password = 'a long enough password';
    await page.getByLabel('E-mail').fill('taken@library.test');
    await page.getByLabel('Password').fill(reader.password);
    await page.getByRole('button', { name: 'Join' }).click();
    // Said next to the field it is about, which takes the focus.
    await describedAs(page.getByLabel('E-mail'), /already exists/);
    await focused(page.getByLabel('E-mail'));
    await expectAccessible(page, 'register with errors');
    await screenshot(page, 'register-errors');

    await page.getByLabel('E-mail').fill(reader.email);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await page.getByText('You have no books on loan.').waitFor();
    await expectAccessible(page, 'account (empty)');
  });

  it('searches the catalogue, narrows by subject and opens a book', async () => {
    await page.getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('heading', { name: 'Catalogue', level: 1 }).waitFor();
    await page.getByText('5 books found').waitFor();
    await screenshot(page, 'catalogue');
    await expectAccessible(page, 'catalogue');

    await page.getByLabel('Subject').selectOption('science fiction');
    await page.getByText('1 book found').waitFor();
    await page.getByRole('link', { name: 'Frankenstein' }).waitFor();
    await page.getByLabel('Subject').selectOption('');

    await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('pride');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 book found').waitFor();
    const result = page.getByRole('listitem').filter({ hasText: 'Pride and Prejudice' });
    await result.getByText('3 of 3 available').waitFor();

    await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('no such book anywhere');
    await page.getByRole('searchbox', { name: 'Search the catalogue' }).press('Enter');
    await page.getByText('Nothing in the catalogue matches “no such book anywhere”.').waitFor();
    await expectAccessible(page, 'catalogue (no match)');

    await page.goBack();
    await page.getByRole('link', { name: 'Pride and Prejudice' }).click();
    await page.getByRole('heading', { name: 'Pride and Prejudice', level: 1 }).waitFor();
    await availability(page).getByText('3 of 3 available').waitFor();
  });

  it('borrows, and a second browser on the same book sees the availability change without reloading', async () => {
    const bookId = bookIds.get('Pride and Prejudice')!;
    await watcher.goto(appUrl(`/books/${bookId}`));
    await availability(watcher).getByText('3 of 3 available').waitFor();
    // The watcher's subscription is open before anything changes.
    await until(() => library.shelfmark.router.subscriptions.subscriberCount >= 2);

    await page.getByRole('button', { name: 'Borrow' }).click();
    await page.getByRole('status').filter({ hasText: 'You borrowed it.' }).waitFor();
    await availability(page).getByText('You have this book on loan').waitFor();

    await availability(watcher).getByText('2 of 3 available').waitFor();
    await availability(watcher).getByText('1 on loan').waitFor();
    // The region is polite and live: a screen reader says the change.
    await availability(watcher).locator('[aria-live="polite"]').getByText('2 of 3 available').waitFor();
    await screenshot(page, 'book');
    await expectAccessible(page, 'book (on loan)');
    await expectAccessible(watcher, 'book (watching)');
  });

  it('shows the loan on my account, soonest due first, and renews it', async () => {
    await page.getByRole('link', { name: 'My account', exact: true }).click();
    const loans = page.getByRole('region', { name: /^My loans/ });
    const loan = loans.getByRole('listitem').filter({ hasText: 'Pride and Prejudice' });
    await loan.waitFor();
    await loan.getByText('renewed 0 times').waitFor();

    await loan.getByRole('button', { name: 'Renew Pride and Prejudice' }).click();
    await loan
      .getByRole('status')
      .filter({ hasText: /^Renewed: now due / })
      .waitFor();
    await loan.getByText('renewed 1 time').waitFor();
    await page
      .getByRole('region', { name: 'Member card' })
      .getByText(/^SM-\d{8}$/)
      .waitFor();
    await screenshot(page, 'account');
    await expectAccessible(page, 'account');
  });

  it('places a hold on a book whose copies are all out, then cancels it from my account', async () => {
    const title = 'Moby-Dick';
    const bookId = bookIds.get(title)!;
    for (const name of ['Ishmael', 'Queequeg']) {
      const other = await library.registerReader(name);
      const borrowed = await library.request(BorrowBooks, { bookIds: [bookId] }, { token: other.token });
      expect(borrowed.errors).toBeUndefined();
    }
    await page.goto(appUrl(`/books/${bookId}`));
    await availability(page).getByText('All 2 copies out').waitFor();
    await page.getByRole('button', { name: 'Place hold' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Hold placed: you are number 1 in the queue' })
      .waitFor();
    await availability(page).getByText('1 person waiting').waitFor();

    await page.getByRole('link', { name: 'My account', exact: true }).click();
    const hold = page
      .getByRole('region', { name: /^My holds/ })
      .getByRole('listitem')
      .filter({ hasText: title });
    await hold.getByText('Number 1 in the queue').waitFor();
    await hold.getByRole('button', { name: `Cancel hold on ${title}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Hold cancelled; \d+ points? refunded\.$/ })
      .waitFor();
    await page.getByText('You have no holds.').waitFor();
    await expectAccessible(page, 'account (hold cancelled)');
  });

  it('posts a comment with a rating, and says why an empty one is refused', async () => {
    const bookId = bookIds.get('Pride and Prejudice')!;
    await page.goto(appUrl(`/books/${bookId}`));
    await page.getByRole('button', { name: 'Post comment' }).click();
    await describedAs(page.getByLabel('Your comment'), /^Write something before posting\.$/);

    await page.getByLabel('Your comment').fill('A truth universally acknowledged: it still sparkles.');
    await page.getByRole('radio', { name: '5 stars' }).check();
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByRole('status').filter({ hasText: 'Thank you: your comment is posted.' }).waitFor();
    const comment = page.getByRole('listitem').filter({ hasText: 'it still sparkles' });
    await comment.getByLabel('5 out of 5 stars').waitFor();
    await page.getByText('5.0 out of 5 (1 rating)').waitFor();
    await expectAccessible(page, 'book (commented)');
  });

  it('moves the ranking board live, announcing the change politely', async () => {
    const hub = library.shelfmark.router.subscriptions;
    const runsBefore = hub.runs;
    await watcher.goto(appUrl('/ranking'));
    const board = watcher.getByRole('list', { name: 'Ranking' });
    // Moby-Dick was borrowed twice, Pride and Prejudice once, Frankenstein never.
    await board.getByRole('listitem').first().filter({ hasText: 'Moby-Dick' }).waitFor();
    // The board is the query's answer; the live subscription is opened beside it, and a borrow the
    // router hears before it holds the subscriber pushes nothing to it. Wait until it is open: a
    // new ranking subscription runs its query once for a baseline (nothing else runs meanwhile).
    await until(() => hub.runs > runsBefore);
    expect(await board.getByRole('listitem').filter({ hasText: 'Frankenstein' }).count()).toBe(0);
    await watcher.getByRole('button', { name: 'Wall display' }).click();
    await watcher.getByRole('button', { name: 'Leave wall display' }).waitFor();
    await until(async () => (await watcher.getByRole('banner').count()) === 0);

    // Frankenstein, never borrowed, is borrowed three times: it goes to the top.
    const frankenstein = bookIds.get('Frankenstein')!;
    const readers: Reader[] = [];
    for (const name of ['Victor', 'Elizabeth', 'Henry']) readers.push(await library.registerReader(name));
    for (const borrower of readers) {
      expect(
        (await library.request(BorrowBooks, { bookIds: [frankenstein] }, { token: borrower.token })).errors,
      ).toBeUndefined();
    }
    await board.getByRole('listitem').first().filter({ hasText: 'Frankenstein' }).waitFor();
    await board.getByRole('listitem').first().getByText('3 borrows').waitFor();
    // Said politely: whichever push came last, it is about Frankenstein.
    await watcher
      .locator('[aria-live="polite"]')
      .getByText(/^Ranking updated\. .*Frankenstein/)
      .waitFor();
    await screenshot(watcher, 'ranking-wall');
    await expectAccessible(watcher, 'ranking (wall display)');

    await watcher.getByRole('button', { name: 'Leave wall display' }).click();
    await watcher.getByLabel('Period').selectOption('LAST_7_DAYS');
    await watcher.getByLabel('Subject').fill('science fiction');
    await watcher.getByRole('button', { name: 'Show' }).click();
    await watcher.getByRole('heading', { name: /Last 7 days · science fiction/ }).waitFor();
    await board.getByRole('listitem').filter({ hasText: 'Frankenstein' }).waitFor();
    expect(await board.getByRole('listitem').count()).toBe(1);
    await screenshot(watcher, 'ranking');
    await expectAccessible(watcher, 'ranking');
  });

  it('can be used with the keyboard alone: skip link, search, open a book, borrow', async () => {
    const context = await newContext();
    const keyboard = await newPage(context);
    await keyboard.goto(appUrl('/sign-in'));
    await keyboard.keyboard.press('Tab');
    await focused(keyboard.getByRole('link', { name: 'Skip to content' }));
    // Tab through the form as a person would: the fields, then the button.
    await keyboard.getByLabel('E-mail').focus();
    await keyboard.keyboard.type(reader.email);
    await keyboard.keyboard.press('Tab');
    await focused(keyboard.getByLabel('Password'));
    await keyboard.keyboard.type(reader.password);
    await keyboard.keyboard.press('Enter');
    await keyboard.getByRole('heading', { name: 'My account', level: 1 }).waitFor();

    await keyboard.goto(appUrl('/'));
    await keyboard.getByRole('searchbox', { name: 'Search the catalogue' }).focus();
    await keyboard.keyboard.type('middlemarch');
    await keyboard.keyboard.press('Enter');
    const link = keyboard.getByRole('link', { name: 'Middlemarch' });
    await link.waitFor();
    await link.focus();
    await keyboard.keyboard.press('Enter');
    await keyboard.getByRole('heading', { name: 'Middlemarch', level: 1 }).waitFor();
    // A new page: focus moved to its content, so the next Tab goes on from there.
    await focused(keyboard.locator('main'));
    const borrow = keyboard.getByRole('button', { name: 'Borrow' });
    await borrow.focus();
    await focused(borrow);
    // The focus ring is visible (an outline, not the browser's nothing).
    expect(
      await borrow.evaluate(
        (element: PageElement) => element.ownerDocument.defaultView?.getComputedStyle(element).outlineStyle,
      ),
    ).toBe('solid');
    await keyboard.keyboard.press('Enter');
    await keyboard.getByRole('status').filter({ hasText: 'You borrowed it.' }).waitFor();
    await context.close();
  });

  it('sends an expired or refused session back to sign in, saying why', async () => {
    const context = await newContext();
    const expired = await newPage(context);
    const token = (claims: object) =>
      ['{"alg":"EdDSA"}', JSON.stringify(claims)]
        .map((part) => Buffer.from(part).toString('base64url'))
        .join('.') + '.c2lnbmF0dXJl';
    const session = (exp: number) =>
      JSON.stringify({ token: token({ sub: 'm1', role: 'MEMBER', exp }), name: 'Old Session' });

    // Expired by its own clock: the app never sends it.
    await expired.goto(appUrl('/'));
    await storeSession(expired, session(1_000_000_000));
    await expired.goto(appUrl('/account'));
    await expired.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expired.getByText('Your session has expired. Please sign in again.').waitFor();
    await expectAccessible(expired, 'sign in (expired)');
    await screenshot(expired, 'sign-in-expired');

    // Not expired by its claims, but refused by the router (a forged signature): the same way out.
    chromium.expectedErrors = [/status of 401/];
    await storeSession(expired, session(4_000_000_000));
    await expired.goto(appUrl('/account'));
    await expired.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expired.getByText('The token is not valid. Please sign in again.').waitFor();
    expect(new URL(expired.url()).searchParams.get('next')).toBe('/account');
    expect(
      await expired.evaluate(() =>
        (globalThis as unknown as PageGlobals).localStorage.getItem('shelfmark.session'),
      ),
    ).toBeNull();

    // A wrong password is said on the form, in the API's words.
    await expired.getByLabel('E-mail').fill(reader.email);
    await expired.getByLabel('Password').fill('not the password');
    await expired.getByRole('button', { name: 'Sign in' }).click();
    await expired.getByRole('alert').waitFor();
    await expectAccessible(expired, 'sign in (refused)');
    await context.close();
  });

  it('has no sideways scrolling on a 360 px wide screen, on every page', async () => {
    const narrow = await newContext({
      viewport: { width: 360, height: 740 },
      storageState: await readerContext.storageState(),
    });
    const phone = await newPage(narrow);
    const bookId = bookIds.get('Pride and Prejudice')!;
    const pages: [string, string, () => Promise<void>][] = [
      ['/', 'catalogue', () => phone.getByText('5 books found').waitFor()],
      [`/books/${bookId}`, 'book', () => phone.getByText('What readers say').waitFor()],
      ['/account', 'account', () => phone.getByRole('region', { name: 'Member card' }).waitFor()],
      ['/ranking', 'ranking', () => phone.getByRole('list', { name: 'Ranking' }).waitFor()],
      ['/ranking?display=wall', 'ranking-wall', () => phone.getByRole('list', { name: 'Ranking' }).waitFor()],
      ['/sign-in', 'sign-in', () => phone.getByRole('heading', { name: 'Sign in' }).waitFor()],
      ['/register', 'register', () => phone.getByRole('heading', { name: 'Join the library' }).waitFor()],
      ['/no/such/page', 'not-found', () => phone.getByRole('heading', { name: 'Page not found' }).waitFor()],
    ];
    const wider: string[] = [];
    for (const [path, name, loaded] of pages) {
      await phone.goto(appUrl(path));
      await loaded();
      const overflow = await overflowWidth(phone);
      if (overflow > 0) wider.push(`${path}: ${overflow} px too wide`);
      await expectAccessible(phone, `${name} at 360 px`);
      if (name === 'book' || name === 'catalogue') await screenshot(phone, `${name}-360px`);
    }
    expect(wider).toEqual([]);
    await narrow.close();
  });

  it('keeps the brand and the session on one row on a phone, the sections below them', async () => {
    const narrow = await newContext({
      viewport: { width: 360, height: 740 },
      storageState: await readerContext.storageState(),
    });
    const phone = await newPage(narrow);
    await phone.goto(appUrl('/ranking'));
    const signOut = phone.getByRole('button', { name: 'Sign out' });
    await signOut.waitFor();
    const box = async (of: typeof signOut) => (await of.boundingBox())!;
    const brand = await box(phone.getByRole('link', { name: 'Shelfmark', exact: true }));
    const session = await box(signOut);
    const sections = await box(phone.getByRole('navigation', { name: 'Main' }));
    // One row: their heights overlap. The sections start below both.
    expect(session.y).toBeLessThan(brand.y + brand.height);
    expect(brand.y).toBeLessThan(session.y + session.height);
    expect(sections.y).toBeGreaterThanOrEqual(
      Math.max(brand.y + brand.height, session.y + session.height) - 1,
    );
    await screenshot(phone, 'header-360px');
    await narrow.close();
  });
});
