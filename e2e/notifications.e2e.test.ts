import { waitFor } from '@shelfmark/testing';
import type { GraphQLRequest } from '@shelfmark/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMail, type ParsedMail } from '../notifications/test/support/parsedMail';
import { BorrowBooks } from './operations';
import { startLibrary, type Library } from './support/library';

/**
 * `npm start` as it runs: the notifications worker on the same in-process bus as the six
 * subgraphs, mailing into `<data dir>/mail/`. A reader who registers and borrows finds a welcome
 * and a receipt there, written from events alone.
 */
describe('mail to readers on embedded defaults, through the router', () => {
  let library: Library;
  let request: GraphQLRequest;

  const mailTo = (address: string, subject: string) =>
    waitFor(() => {
      const folder = join(library.dataDir, 'mail');
      let names: string[];
      try {
        names = readdirSync(folder).filter((name) => name.endsWith('.eml'));
      } catch {
        return undefined;
      }
      const mails = names.map((name) => parseMail(readFileSync(join(folder, name), 'utf8')));
      return mails.find((m: ParsedMail) => m.to.includes(`<${address}>`) && m.subject === subject);
    });

  beforeAll(async () => {
    library = await startLibrary({ prefix: 'shelfmark-e2e-mail-' });
    ({ request } = library);
  });
  afterAll(() => library.close());

  it('leaves a welcome and a loan receipt with the title and due date in the mail folder', async () => {
    const bookId = await library.addBook('Dune', 1);
    const { token } = await library.registerReader('Mail Reader', 'mail.reader@library.test');
    const welcome = await mailTo('mail.reader@library.test', 'Welcome to the library, Mail Reader');
    expect(welcome.text).toContain('Dear Mail Reader,');

    const borrowed = await request(BorrowBooks, { bookIds: [bookId] }, { token });
    expect(borrowed.errors).toBeUndefined();
    const due = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(borrowed.data!.borrowBooks[0]!.dueAt),
    );
    const receipt = await mailTo('mail.reader@library.test', 'Your loan: Dune');
    expect(receipt.text).toContain(`Please return it by ${due}.`);
    expect(receipt.html).toContain(`<strong>Dune</strong>`);
    expect(receipt.html).toContain(`<strong>${due}</strong>`);
    // Each file is written before its mail is marked SENT: wait for the marks, not for luck.
    const counts = await waitFor(async () => {
      const byStatus = await library.shelfmark.notifications.mails.countByStatus();
      return byStatus.PENDING === 0 ? byStatus : undefined;
    });
    expect(counts).toMatchObject({ PENDING: 0, DEAD: 0 });
  });
});
