import { loadConfig, startEmbedded, type EmbeddedShelfmark } from '@shelfmark/launcher';
import { graphqlClient, tempDir, type GraphQLRequest } from '@shelfmark/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMail, type ParsedMail } from '../notifications/test/support/parsedMail';
import { waitFor } from '../notifications/test/support/waitFor';
import { AddBook, AddCopies, BorrowBooks, Login, RegisterMember } from './operations';

const ADMIN = { email: 'admin@library.test', password: 'correct horse battery staple' };

/**
 * `npm start` as it runs: the notifications worker on the same in-process bus as the six
 * subgraphs, mailing into `<data dir>/mail/`. A reader who registers and borrows finds a welcome
 * and a receipt there, written from events alone.
 */
describe('mail to readers on embedded defaults, through the router', () => {
  const dir = tempDir('shelfmark-e2e-mail-');
  const folder = join(dir.path, 'mail');
  let shelfmark: EmbeddedShelfmark;
  let request: GraphQLRequest;

  const mailTo = (address: string, subject: string) =>
    waitFor(() => {
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
    shelfmark = await startEmbedded(
      loadConfig({
        SHELFMARK_DATA_DIR: dir.path,
        PORT: '0',
        LOG_LEVEL: 'silent',
        SHELFMARK_ADMIN_EMAIL: ADMIN.email,
        SHELFMARK_ADMIN_PASSWORD: ADMIN.password,
      }),
    );
    request = graphqlClient(shelfmark.url);
  });
  afterAll(async () => {
    await shelfmark.close();
    dir.cleanup();
  });

  it('leaves a welcome and a loan receipt with the title and due date in the mail folder', async () => {
    const admin = (await request(Login, ADMIN)).data!.login.token;
    const added = await request(
      AddBook,
      { input: { isbn: '978-0-441-17271-9', title: 'Dune', authors: ['Frank Herbert'], subjects: ['sf'] } },
      { token: admin },
    );
    const bookId = added.data!.addBook.id;
    expect((await request(AddCopies, { bookId, count: 1 }, { token: admin })).errors).toBeUndefined();

    const registered = await request(RegisterMember, {
      input: { email: 'mail.reader@library.test', password: 'a long enough password', name: 'Mail Reader' },
    });
    const token = registered.data!.registerMember.token;
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
    expect(await shelfmark.notifications.mails.countByStatus()).toMatchObject({ PENDING: 0, DEAD: 0 });
  });
});
