import type { Mail } from './Mail';

/** The mails the worker decided, keyed by event id. Every write is one row or document. */
export interface MailStore {
  /** Records a PENDING mail unless its event already decided one. True when this call recorded it. */
  recordIfAbsent(mail: Mail): Promise<boolean>;
  /** PENDING mails whose `notBefore` has passed, oldest first. */
  due(now: Date, limit: number): Promise<Mail[]>;
  /**
   * Takes the mail for one send until `until`: succeeds only if nobody claimed it since it was
   * read (compare-and-set on `claim`), so two dispatchers never send the same mail at once.
   */
  claim(mail: Mail, until: Date): Promise<boolean>;
  markSent(eventId: string, at: Date): Promise<void>;
  markFailed(eventId: string, attempts: number, error: string, retryAt: Date | null): Promise<void>;
  byEventId(eventId: string): Promise<Mail | null>;
  countByStatus(): Promise<Record<string, number>>;
}
