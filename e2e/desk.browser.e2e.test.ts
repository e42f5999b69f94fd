import { prepareWebApp } from '@shelfmark/launcher';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CheckOut, Me, PlaceHold } from './operations';
import {
  describedAs,
  focused,
  launchOfflineBrowser,
  overflowWidth,
  screenshotsDir,
  seriousViolations,
  type OfflineBrowser,
} from './support/browser';
import { ADMIN, startLibrary, type Library, type Reader } from './support/library';
import { until } from './support/subscribers';

/** Where screenshots go: SHELFMARK_SCREENSHOTS_DIR (docs/screenshots for the README), else a temporary folder. */
const SCREENSHOTS = screenshotsDir('shelfmark-desk-screenshots-');

/** A reader as the desk knows them: with the library card members issued (asynchronously). */
interface Patron extends Reader {
  readonly name: string;
  readonly card: string;
}

/**
 * The librarian desk of the web app in a real browser (issue 10, item 4): Debian's chromium,
 * offline, against the whole system as `npm start` runs it. A librarian (the bootstrap admin, who
 * is staff) signs in, adds a book (a bad ISBN first, then a taken one: each said next to the
 * field), adds copies (their barcodes listed), checks copies out to a reader by card number, sees
 * a blocked member as blocked before any scan, checks the copies in (one to the hold shelf for the
 * reader who holds the book, one back to the shelf) and withdraws one. Each desk page passes
 * axe-core's WCAG 2.2 AA rules and has no sideways scrolling at 360 px. Found by role and label.
 */
describe('the librarian desk in a browser', () => {
  let library: Library;
  let chromium: OfflineBrowser;
  let context: BrowserContext;
  let page: Page;
  let ada: Patron;
  let percy: Patron;
  let bob: Patron;
  let barcodes: string[] = [];
  let bookId = '';

  const appUrl = (path: string) => new URL(path, library.shelfmark.url).href;
  const screenshot = (target: Page, name: string) =>
    target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const expectAccessible = async (target: Page, name: string) =>
    expect(await seriousViolations(target, name)).toEqual([]);
  const desk = (task: string) =>
    page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: task });
  const heading = (name: string) => page.getByRole('heading', { name, level: 1 }).waitFor();

  /** A registered reader with their card, ready at the desk once loans has heard of the card. */
  const aPatron = async (name: string): Promise<Patron> => {
    const reader = await library.registerReader(name);
    let card: string | undefined;
    await until(async () => {
      card = (await library.request(Me, {}, { token: reader.token })).data?.me?.card?.number;
      return card !== undefined;
    });
    // Loans learns the card from member-card-issued. A probe that lends nothing: an unknown
    // barcode is refused by inventory (Copy), an unknown card by loans (MemberCard).
    const librarian = await library.adminToken();
    await until(async () => {
      const probe = await library.request(
        CheckOut,
        { cardNumber: card!, barcodes: ['SM0000000000'] },
        { token: librarian },
      );
      return probe.errors?.[0]?.extensions?.['entity'] === 'Copy';
    });
    return { ...reader, name, card: card! };
  };

  beforeAll(async () => {
    // As npm start does: build web/dist when it is missing or older than web/src.
    const web = await prepareWebApp((line) => console.info(line));
    if (!web) throw new Error('The web app could not be prepared: web/src is missing.');
    library = await startLibrary({ prefix: 'shelfmark-desk-browser-', options: { web } });
    [ada, percy, bob] = [
      await aPatron('Ada Lovelace'),
      await aPatron('Percy Shelley'),
      await aPatron('Bob Borrower'),
    ];
    chromium = await launchOfflineBrowser();
    context = await chromium.newContext();
    page = await chromium.newPage(context);
    console.info(`desk screenshots: ${SCREENSHOTS}`);
  });
  afterEach(() => {
    if (chromium) expect(chromium.drain()).toEqual({ offHost: [], pageErrors: [] });
  });
  afterAll(async () => {
    await chromium?.close();
    await library?.close();
  });

  it('signs a librarian in and shows them the desk', async () => {
    await page.goto(appUrl('/sign-in'));
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Desk' }).click();
    await heading('Check out');
    await focused(page.getByLabel('Member’s card number'));
    await expectAccessible(page, 'check out (empty)');
  });

  it('adds a book: a bad ISBN is said as it is typed, a taken one from the API, each next to the field', async () => {
    await desk('Add a book').click();
    await heading('Add a book');
    const isbn = page.getByLabel('ISBN');
    await isbn.fill('978-0-14-143974-9');
    await describedAs(isbn, /This ISBN-13 does not add up/);
    expect(await isbn.getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Title', { exact: true }).fill('Bleak House');
    await page.getByLabel('Authors').fill('Charles Dickens');
    await page.getByLabel('Subjects').fill('fiction, law');
    await page.getByLabel('Year published').fill('1853');
    await page.getByRole('button', { name: 'Add the book' }).click();
    // Refused before sending: the focus goes to the field to fix.
    await focused(isbn);
    await expectAccessible(page, 'add a book (bad ISBN)');
    await screenshot(page, 'desk-add-book-error');

    await isbn.fill('978-0-14-143974-7');
    await describedAs(isbn, /^A valid ISBN-13\.$/);
    await page.getByRole('button', { name: 'Add the book' }).click();
    await page.getByText('Bleak House is in the catalogue.').waitFor();
    bookId = new URL(
      (await page.getByRole('link', { name: 'See its page' }).getAttribute('href'))!,
      appUrl('/'),
    ).pathname.split('/')[2]!;

    // The same ISBN again: the API's ALREADY_EXISTS, next to the ISBN.
    await isbn.fill('9780141439747');
    await page.getByLabel('Title', { exact: true }).fill('Bleak House (again)');
    await page.getByLabel('Authors').fill('Charles Dickens');
    await page.getByRole('button', { name: 'Add the book' }).click();
    await describedAs(isbn, /A book with ISBN [\d-]+ is already in the catalogue\./);
    await focused(isbn);
  });

  it('adds copies and lists their barcodes, printable', async () => {
    await page.goto(appUrl(`/desk/copies/new?book=${bookId}`));
    await heading('Add copies');
    await page.getByRole('heading', { name: 'Bleak House', level: 2 }).waitFor();
    await page.getByLabel('How many copies').fill('2');
    await page.getByLabel('Shelf location').fill('Fiction D–F');
    await page.getByRole('button', { name: 'Add copies' }).click();
    await page.getByText('2 copies of Bleak House added.').waitFor();
    const list = page.getByRole('region', { name: 'New barcodes' }).getByRole('listitem');
    barcodes = await list.allTextContents();
    expect(barcodes).toHaveLength(2);
    for (const barcode of barcodes) expect(barcode.trim()).toMatch(/^SM[0-9A-Z]{10}$/);
    barcodes = barcodes.map((barcode) => barcode.trim());
    await page.getByRole('button', { name: 'Print the labels' }).waitFor();
    // Printed, only the list shows: everything else is hidden by the print stylesheet.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Desk' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'New barcodes' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await expectAccessible(page, 'add copies');
    await screenshot(page, 'desk-add-copies');
  });

  it('checks copies out to a reader by card, one scan after another, each with its due date', async () => {
    await desk('Check out').click();
    await heading('Check out');
    const card = page.getByLabel('Member’s card number');
    await focused(card);
    // A scanner types and presses Enter.
    await page.keyboard.type(ada.card);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    await page.getByText(/^0 of \d+ loans out/).waitFor();
    const copy = page.getByLabel('Copy barcode');
    await focused(copy);
    for (const barcode of barcodes) {
      await page.keyboard.type(barcode);
      await page.keyboard.press('Enter');
      await page.getByRole('listitem').filter({ hasText: barcode }).getByText(/^Due /).waitFor();
      await focused(copy);
    }
    await page.getByRole('heading', { name: 'Lent now (2)' }).waitFor();
    // A copy already out: refused, and why, next to the field.
    await page.keyboard.type(barcodes[0]!);
    await page.keyboard.press('Enter');
    await describedAs(copy, /on loan/);
    expect(await copy.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'check out');
    await screenshot(page, 'desk-check-out');
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByText('Done: 2 copies lent to Ada Lovelace.').waitFor();
    await focused(card);
  });

  it('looks a member up, blocks them with a reason, and check-out shows them blocked before any scan', async () => {
    await desk('Members').click();
    await heading('Members');
    await page.getByLabel('Find a member').fill('bob');
    await page.getByLabel('Find a member').press('Enter');
    await page.getByText('1 member found', { exact: true }).waitFor();
    await expectAccessible(page, 'members');
    await screenshot(page, 'desk-members');
    await page.getByRole('link', { name: 'Bob Borrower' }).click();
    await heading('Bob Borrower');
    await page.getByLabel('Reason for the block').fill('Three books lost');
    await page.getByRole('button', { name: 'Block', exact: true }).click();
    await page.getByText('Bob Borrower is blocked.').waitFor();
    await page.getByText('Reason: Three books lost').waitFor();
    await page.getByLabel('Points', { exact: true }).fill('25');
    await page.getByLabel('Reason', { exact: true }).fill('Helped at the book sale');
    await page.getByRole('button', { name: 'Give points' }).click();
    await page.getByText('25 points given to Bob Borrower.').waitFor();
    await page.getByText('Helped at the book sale').waitFor();
    await expectAccessible(page, 'member');
    await screenshot(page, 'desk-member');

    await desk('Check out').click();
    await page.getByLabel('Member’s card number').fill(bob.card);
    await page.getByRole('button', { name: 'Find member' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Bob Borrower is blocked and cannot borrow: Three books lost' })
      .waitFor();
    expect(await page.getByLabel('Copy barcode').count()).toBe(0);
    await expectAccessible(page, 'check out (blocked)');
    await screenshot(page, 'desk-check-out-blocked');
    await page.getByRole('button', { name: 'Another member' }).click();
  });

  it('checks copies in: the first to the hold shelf for the reader who holds the book, the next to the shelf', async () => {
    const held = await library.request(PlaceHold, { bookId }, { token: percy.token });
    expect(held.errors).toBeUndefined();

    await desk('Check in').click();
    await heading('Check in');
    const copy = page.getByLabel('Copy barcode');
    await focused(copy);
    await page.keyboard.type(barcodes[0]!);
    await page.keyboard.press('Enter');
    await page
      .getByText(`Bleak House checked in. Put it on the hold shelf for Percy Shelley (card ${percy.card}).`)
      .waitFor();
    await focused(copy);
    await page.keyboard.type(barcodes[1]!);
    await page.keyboard.press('Enter');
    await page.getByText('Bleak House checked in. Back to the shelf: nobody is waiting for it.').waitFor();
    await page.getByRole('heading', { name: 'Checked in now (2)' }).waitFor();
    await expectAccessible(page, 'check in');
    await screenshot(page, 'desk-check-in');
  });

  it('withdraws a copy after asking', async () => {
    await desk('Withdraw a copy').click();
    await heading('Withdraw a copy');
    await page.getByLabel('Copy barcode').fill(barcodes[1]!);
    await page.getByRole('button', { name: 'Find the copy' }).click();
    await page.getByText('On the shelf', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Withdraw this copy…' }).click();
    const confirm = page.getByRole('button', { name: 'Yes, withdraw it' });
    await focused(confirm);
    await expectAccessible(page, 'withdraw (asking)');
    await screenshot(page, 'desk-withdraw');
    await confirm.click();
    await page.getByText(`Copy ${barcodes[1]} of Bleak House is withdrawn.`).waitFor();
  });

  it('has no sideways scrolling on a 360 px wide screen, on every desk page', async () => {
    const narrow = await chromium.newContext({
      viewport: { width: 360, height: 740 },
      storageState: await context.storageState(),
    });
    const phone = await chromium.newPage(narrow);
    const pages: [string, string, () => Promise<void>][] = [
      ['/desk/check-out', 'check out', () => phone.getByLabel('Member’s card number').waitFor()],
      ['/desk/check-in', 'check in', () => phone.getByLabel('Copy barcode').waitFor()],
      [
        '/desk/members?q=library.test',
        'members',
        () =>
          phone
            .getByText(/members? found/)
            .first()
            .waitFor(),
      ],
      [
        `/desk/members/${ada.id}?find=${ada.card}`,
        'member',
        () => phone.getByRole('heading', { name: 'On loan (0)' }).waitFor(),
      ],
      ['/desk/books/new', 'add a book', () => phone.getByLabel('ISBN').waitFor()],
      [`/desk/copies/new?book=${bookId}`, 'add copies', () => phone.getByLabel('How many copies').waitFor()],
      ['/desk/withdraw', 'withdraw', () => phone.getByLabel('Copy barcode').waitFor()],
    ];
    const wider: string[] = [];
    for (const [path, name, loaded] of pages) {
      await phone.goto(appUrl(path));
      await loaded();
      const overflow = await overflowWidth(phone);
      if (overflow > 0) wider.push(`${path}: ${overflow} px too wide`);
      await expectAccessible(phone, `${name} at 360 px`);
    }
    // With a member found, the check-out page at its fullest.
    await phone.goto(appUrl('/desk/check-out'));
    await phone.getByLabel('Member’s card number').fill(ada.card);
    await phone.getByLabel('Member’s card number').press('Enter');
    await phone.getByLabel('Copy barcode').waitFor();
    if ((await overflowWidth(phone)) > 0) wider.push('/desk/check-out with a member');
    await screenshot(phone, 'desk-check-out-360px');
    expect(wider).toEqual([]);
    await narrow.close();
  });
});
