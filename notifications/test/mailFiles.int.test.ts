import { tempDir, waitFor } from '@shelfmark/testing';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { messageIdFor } from '../src';
import { FileMailTransport } from '../src/adapters/mail/FileMailTransport';
import { anEventOfEachKind, book, dueAt, expected, learnBook, reader } from './support/events';
import { parseMail } from './support/parsedMail';
import { startTestWorker, type TestWorker } from './support/testWorker';

/**
 * The embedded default: every mail an .eml file under the mail folder, named by its event, on a
 * real database (SQLite; MongoDB in the mongo project) and the in-process bus.
 */
describe('notifications on embedded defaults: .eml files', () => {
  const dir = tempDir('shelfmark-mail-');
  const folder = join(dir.path, 'mail');
  const events = anEventOfEachKind();
  let test: TestWorker;

  const fileOf = (eventId: string) => join(folder, `${eventId}.eml`);
  const mailOf = async (eventId: string) => {
    const raw = await waitFor(() => {
      try {
        return readFileSync(fileOf(eventId), 'utf8');
      } catch {
        return undefined;
      }
    });
    return parseMail(raw);
  };

  beforeAll(async () => {
    test = await startTestWorker('notifications-files', { folder });
    await test.publish(learnBook());
    await test.publish(events.WELCOME);
  });
  afterAll(async () => {
    await test.close();
    dir.cleanup();
  });

  it.each(Object.keys(expected) as (keyof typeof expected)[])(
    'writes a %s mail to the reader, with its subject, title and date in the text and the HTML',
    async (kind) => {
      const event = events[kind];
      await test.publish(event);
      const mail = await mailOf(event.id);
      expect(mail.subject).toBe(expected[kind].subject);
      expect(mail.to).toBe(`${reader.name} <${reader.email}>`);
      expect(mail.from).toBe('Shelfmark <library@library.test>');
      expect(mail.messageId).toBe(messageIdFor(event.id, 'library.test'));
      expect(mail.text).toContain(`Dear ${reader.name},`);
      expect(mail.html).toContain(`<p>Dear ${reader.name},</p>`);
      if (kind !== 'WELCOME') {
        expect(mail.text).toContain(book.title);
        expect(mail.html).toContain(`<strong>${book.title}</strong>`);
      }
      const date = expected[kind].date;
      if (date) {
        expect(mail.text).toContain(date);
        expect(mail.html).toContain(`<strong>${date}</strong>`);
      }
      // The file is written before the mail is marked SENT: wait for the mark, not for luck.
      const sent = await waitFor(async () => {
        const stored = await test.worker.mails.byEventId(event.id);
        return stored?.status === 'SENT' ? stored : undefined;
      });
      expect(sent).toMatchObject({ status: 'SENT', attempts: 0 });
    },
  );

  it('writes nothing again for a redelivered event, before or after a restart', async () => {
    const event = events.LOAN_RECEIPT;
    await test.publish(event);
    await mailOf(event.id);
    const before = { files: readdirSync(folder).sort(), written: statSync(fileOf(event.id)).mtimeMs };

    await test.publish(event);
    await test.restart();
    await test.publish(event);
    expect(await test.worker.dispatchOnce()).toBe(0);

    expect(readdirSync(folder).sort()).toEqual(before.files);
    expect(statSync(fileOf(event.id)).mtimeMs).toBe(before.written);
    expect(await test.worker.mails.countByStatus()).toMatchObject({ PENDING: 0, DEAD: 0 });
  });

  it('never replaces a mail file already written (a retry after a crash before the SENT write)', async () => {
    const transport = new FileMailTransport(join(dir.path, 'transport'), 'Shelfmark <library@library.test>');
    const mail = {
      eventId: 'event-written-once',
      kind: 'WELCOME' as const,
      messageId: messageIdFor('event-written-once', 'library.test'),
      to: { name: reader.name, address: reader.email },
      subject: 'first',
      text: 'first',
      html: '<p>first</p>',
      date: new Date('2026-11-29T12:00:00Z'),
    };
    await transport.send(mail);
    await transport.send({ ...mail, subject: 'second' });
    transport.close();
    const files = readdirSync(join(dir.path, 'transport'));
    expect(files).toEqual(['event-written-once.eml']);
    expect(parseMail(readFileSync(join(dir.path, 'transport', files[0]!), 'utf8')).subject).toBe('first');
  });

  it('holds a receipt whose book it has not heard of yet, and sends it with the title once it has', async () => {
    const { LOAN_RECEIPT } = anEventOfEachKind();
    const unknown = {
      ...LOAN_RECEIPT,
      data: { ...LOAN_RECEIPT.data, bookId: 'book-later', dueAt },
    };
    await test.publish(unknown);
    await waitFor(async () =>
      (await test.worker.mails.byEventId(unknown.id))!.attempts > 0 ? true : undefined,
    );
    expect(readdirSync(folder)).not.toContain(`${unknown.id}.eml`);

    await test.publish({
      ...learnBook(),
      data: { ...learnBook().data, bookId: 'book-later', title: 'Kindred' },
    });
    const mail = await mailOf(unknown.id);
    expect(mail.subject).toBe('Your loan: Kindred');
    expect(mail.text).toContain('Kindred');
  });
});
