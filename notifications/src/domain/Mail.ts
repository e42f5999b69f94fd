/** What a mail tells its reader; one kind per event the worker mails on (docs/design.md §1). */
export type MailKind = 'WELCOME' | 'LOAN_RECEIPT' | 'DUE_SOON' | 'OVERDUE' | 'HOLD_READY';

/**
 * PENDING: decided, not yet accepted by the transport. SENT: accepted (an SMTP 250, or the .eml
 * file written). DEAD: the retry budget ran out; kept, logged and counted, never silently dropped.
 */
export const MAIL_STATUSES = ['PENDING', 'SENT', 'DEAD'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** What an event asks the worker to mail, before anyone knows whether it can be sent. */
export interface MailDecision {
  /** The event that decided it: the mail's key, so a redelivered event decides nothing new. */
  readonly eventId: string;
  readonly kind: MailKind;
  readonly memberId: string;
  readonly bookId: string | null;
  /** The due date (receipt, due soon, overdue) or the pickup deadline (hold ready). */
  readonly deadline: Date | null;
}

/**
 * One mail to one reader, keyed by the event that decided it. Rendered only when it is sent, from
 * the worker's read model, so a mail decided before its book's title arrived (events of different
 * contexts are not ordered with each other) waits for it instead of going out without it.
 */
export class Mail {
  eventId!: string;
  kind!: MailKind;
  memberId!: string;
  bookId!: string | null;
  deadline!: Date | null;
  status!: MailStatus;
  /** Failed sends so far. */
  attempts!: number;
  /** Not sent before this instant: the back-off after a failure, or a dispatcher's claim. */
  notBefore!: Date;
  /** Bumped by every claim: a dispatcher owns the mail only if its claim changed this. */
  claim!: number;
  lastError!: string | null;
  decidedAt!: Date;
  sentAt!: Date | null;

  static decide(decision: MailDecision, now: Date): Mail {
    const mail = new Mail();
    Object.assign(mail, {
      ...decision,
      status: 'PENDING',
      attempts: 0,
      notBefore: now,
      claim: 0,
      lastError: null,
      decidedAt: now,
      sentAt: null,
    });
    return mail;
  }
}

/**
 * The Message-ID of the mail an event decided: the same on every attempt, so a receiver (or a
 * catcher such as Mailpit) can recognise the duplicate that a crash between the SMTP server's 250
 * and the SENT write produces (docs/adr/0014-exactly-once-mail.md).
 */
export function messageIdFor(eventId: string, domain: string): string {
  return `<${eventId.replace(/[^A-Za-z0-9.-]/g, '_')}.notification@${domain}>`;
}
