import type { Logger } from '@shelfmark/events';
import { scrub } from '@shelfmark/subgraph-kit';
import {
  afterFailure,
  messageIdFor,
  type Directory,
  type Mail,
  type MailStore,
  type MailTransport,
  type OutgoingMail,
  type RetryBudget,
} from '../../domain';
import { renderMail } from './templates';

export interface DispatcherOptions {
  readonly mails: MailStore;
  readonly directory: Directory;
  readonly transport: MailTransport;
  readonly retry: RetryBudget;
  /** The domain of every Message-ID (the sender's). */
  readonly messageIdDomain: string;
  readonly now: () => Date;
  readonly logger: Logger;
  /** How long a claimed mail is this dispatcher's before another may try it (a crash mid-send). */
  readonly claimMs?: number;
  /** Mails sent per pass at most; the next pass takes the rest. */
  readonly batch?: number;
  /** Told of each outcome, for metrics. */
  readonly outcome?: (outcome: 'sent' | 'retried' | 'dead') => void;
}

/** A mail that cannot be rendered yet: its reader or book has not been heard of. */
class NotYetKnown extends Error {}

/**
 * Sends PENDING mails and marks them SENT. A failure (the server refusing or unreachable, or the
 * reader's address not learnt yet) is retried with exponential back-off, persisted on the mail so a
 * restart keeps the count; after the budget the mail is DEAD — kept, logged and counted.
 *
 * Delivery is at least once: a crash after the transport accepted a mail and before the SENT write
 * sends it again on restart, with the same Message-ID (docs/adr/0014-exactly-once-mail.md).
 */
export class MailDispatcher {
  private readonly claimMs: number;
  private readonly batch: number;

  constructor(private readonly options: DispatcherOptions) {
    this.claimMs = options.claimMs ?? 60_000;
    this.batch = options.batch ?? 50;
  }

  /** One pass over the mails due now; resolves with how many it sent. */
  async dispatchOnce(): Promise<number> {
    const { mails, now } = this.options;
    let sent = 0;
    for (const mail of await mails.due(now(), this.batch)) {
      if (!(await mails.claim(mail, new Date(now().getTime() + this.claimMs)))) continue;
      if (await this.send(mail)) sent += 1;
    }
    return sent;
  }

  private async send(mail: Mail): Promise<boolean> {
    const { mails, transport, now, logger, retry } = this.options;
    try {
      await transport.send(await this.compose(mail));
    } catch (error) {
      const attempts = mail.attempts + 1;
      const reason = error instanceof Error ? error.message : String(error);
      const next = afterFailure(attempts, now(), retry);
      await mails.markFailed(mail.eventId, attempts, reason, next.dead ? null : next.retryAt);
      // A server's refusal often quotes the recipient's address: the log gets the reason without it.
      const facts = { eventId: mail.eventId, kind: mail.kind, attempts, reason: scrub(reason) };
      if (next.dead) {
        logger.error(facts, 'mail dead-lettered after its last attempt');
        this.options.outcome?.('dead');
      } else {
        logger.warn({ ...facts, retryAt: next.retryAt.toISOString() }, 'mail not sent; will retry');
        this.options.outcome?.('retried');
      }
      return false;
    }
    await mails.markSent(mail.eventId, now());
    this.options.outcome?.('sent');
    return true;
  }

  private async compose(mail: Mail): Promise<OutgoingMail> {
    const { directory, messageIdDomain } = this.options;
    const recipient = await directory.recipient(mail.memberId);
    if (!recipient) throw new NotYetKnown(`no address known yet for member ${mail.memberId}`);
    const title = mail.bookId ? await directory.title(mail.bookId) : null;
    if (mail.bookId && title === null) throw new NotYetKnown(`no title known yet for book ${mail.bookId}`);
    const rendered = renderMail({ kind: mail.kind, name: recipient.name, title, deadline: mail.deadline });
    return {
      eventId: mail.eventId,
      kind: mail.kind,
      messageId: messageIdFor(mail.eventId, messageIdDomain),
      to: { name: recipient.name, address: recipient.email },
      date: mail.decidedAt,
      ...rendered,
    };
  }
}
