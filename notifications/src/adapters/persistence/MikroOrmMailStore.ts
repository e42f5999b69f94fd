import type { MikroORM } from '@mikro-orm/core';
import { insertIfAbsent } from '@shelfmark/subgraph-kit';
import { MAIL_STATUSES, type Mail, type MailStore } from '../../domain';
import { MailSchema } from './schemas';

/** Each call works in its own fork: the store is shared by consumers and the dispatcher. */
export class MikroOrmMailStore implements MailStore {
  constructor(private readonly orm: MikroORM) {}

  private get em() {
    return this.orm.em.fork();
  }

  /** One insert: the event id is the key, so a mail already decided makes it fail, as "absent: no". */
  recordIfAbsent(mail: Mail): Promise<boolean> {
    return insertIfAbsent(this.em, mail);
  }

  due(now: Date, limit: number): Promise<Mail[]> {
    return this.em.find(
      MailSchema,
      { status: 'PENDING', notBefore: { $lte: now } },
      { orderBy: { notBefore: 'asc' }, limit },
    );
  }

  async claim(mail: Mail, until: Date): Promise<boolean> {
    const changed = await this.em.nativeUpdate(
      MailSchema,
      { eventId: mail.eventId, status: 'PENDING', claim: mail.claim },
      { claim: mail.claim + 1, notBefore: until },
    );
    return changed === 1;
  }

  async markSent(eventId: string, at: Date): Promise<void> {
    await this.em.nativeUpdate(MailSchema, { eventId }, { status: 'SENT', sentAt: at, lastError: null });
  }

  async markFailed(eventId: string, attempts: number, error: string, retryAt: Date | null): Promise<void> {
    await this.em.nativeUpdate(
      MailSchema,
      { eventId },
      retryAt
        ? { attempts, lastError: error, notBefore: retryAt }
        : { attempts, lastError: error, status: 'DEAD' },
    );
  }

  byEventId(eventId: string): Promise<Mail | null> {
    return this.em.findOne(MailSchema, { eventId });
  }

  async countByStatus(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const status of MAIL_STATUSES) counts[status] = await this.em.count(MailSchema, { status });
    return counts;
  }
}
