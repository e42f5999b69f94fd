import type { MailKind } from './Mail';

/** A mail ready to go: addressed, with both bodies, and its deterministic Message-ID. */
export interface OutgoingMail {
  readonly eventId: string;
  readonly kind: MailKind;
  readonly messageId: string;
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The Date header: when the mail was decided, so every attempt builds the same message. */
  readonly date: Date;
}

/** Hands a mail over (SMTP, or a file). Resolves once it is accepted; rejects if not. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}
