import { createTransport, type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from '../../domain';
import { nodemailerMessage } from './nodemailerMessage';

/**
 * Sends over SMTP (`SMTP_URL`, e.g. `smtp://user:pass@mail.example:587` or `smtps://…`). Resolves
 * on the server's 250; any refusal (4xx, 5xx) or connection failure rejects, and the dispatcher
 * retries. Connections are not pooled: a worker sends few mails, and a fresh connection per mail
 * never reuses one the server has dropped.
 */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    timeoutMs = 30_000,
  ) {
    this.transporter = createTransport({
      url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(nodemailerMessage(mail, this.from));
  }

  close(): void {
    this.transporter.close();
  }
}
