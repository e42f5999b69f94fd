import { mkdirSync } from 'node:fs';
import { link, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from '../../domain';
import { nodemailerMessage } from './nodemailerMessage';

/**
 * The embedded default: each mail is an RFC 5322 `.eml` file in a folder, named by the event that
 * decided it (`<event id>.eml`), built by nodemailer exactly as it would go over SMTP. A file once
 * there is never rewritten: a redelivery or a retry after a crash finds it and changes nothing.
 */
export class FileMailTransport implements MailTransport {
  private readonly builder: Transporter;

  constructor(
    readonly folder: string,
    private readonly from: string,
  ) {
    mkdirSync(folder, { recursive: true });
    this.builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const built = await this.builder.sendMail(nodemailerMessage(mail, this.from));
    const target = join(this.folder, `${fileSafe(mail.eventId)}.eml`);
    // Written aside, then linked into place: a reader never sees half a mail, and link() refuses to
    // replace a file already there.
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, built.message as Buffer);
    try {
      await link(partial, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(partial);
    }
  }

  close(): void {
    this.builder.close();
  }
}

function fileSafe(eventId: string): string {
  return eventId.replace(/[^A-Za-z0-9.-]/g, '_');
}
