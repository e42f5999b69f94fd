import { Mail, type MailDecision, type MailStore } from '../../domain';

/**
 * Records what an event asks to mail, as PENDING, in the one write that decides it: keyed by the
 * event id, so a redelivered event (or two replicas handling it) records nothing new. Sending is
 * the dispatcher's job, so the bus is never held up by a slow or absent mail server.
 */
export class MailRecorder {
  constructor(
    private readonly mails: MailStore,
    private readonly now: () => Date,
    /** Told when a mail was recorded, so the dispatcher need not wait for its next pass. */
    private readonly recorded: () => void = () => undefined,
  ) {}

  async record(decision: MailDecision): Promise<boolean> {
    const inserted = await this.mails.recordIfAbsent(Mail.decide(decision, this.now()));
    if (inserted) this.recorded();
    return inserted;
  }
}
