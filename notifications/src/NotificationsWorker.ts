import type { MikroORM } from '@mikro-orm/core';
import type { Consumer, EventBus, Logger } from '@shelfmark/events';
import {
  loggableError,
  openDatabase,
  processMetrics,
  systemClock,
  type Clock,
  type DatabaseConfig,
} from '@shelfmark/subgraph-kit';
import { Counter, Gauge, Registry } from 'prom-client';
import { FileMailTransport } from './adapters/mail/FileMailTransport';
import { SmtpMailTransport } from './adapters/mail/SmtpMailTransport';
import { LearnRecipientOnMemberRegistered } from './adapters/events/LearnRecipientOnMemberRegistered';
import { LearnTitleOnBookAdded } from './adapters/events/LearnTitleOnBookAdded';
import { MailNoticeOnLoanOverdue } from './adapters/events/MailNoticeOnLoanOverdue';
import { MailPickupNoticeOnHoldReady } from './adapters/events/MailPickupNoticeOnHoldReady';
import { MailReceiptOnLoanBorrowed } from './adapters/events/MailReceiptOnLoanBorrowed';
import { MailReminderOnLoanDueSoon } from './adapters/events/MailReminderOnLoanDueSoon';
import { MailWelcomeOnMemberRegistered } from './adapters/events/MailWelcomeOnMemberRegistered';
import { MikroOrmDirectory } from './adapters/persistence/MikroOrmDirectory';
import { MikroOrmMailStore } from './adapters/persistence/MikroOrmMailStore';
import { NOTIFICATION_ENTITIES } from './adapters/persistence/schemas';
import { MailDispatcher } from './application/dispatch/MailDispatcher';
import { RecipientRegistrar } from './application/learn-recipient/RecipientRegistrar';
import { TitleRegistrar } from './application/learn-title/TitleRegistrar';
import { MailRecorder } from './application/record-mail/MailRecorder';
import { DEFAULT_RETRY, MAIL_STATUSES, type MailStore, type MailTransport, type RetryBudget } from './domain';

/** Where mails go: `.eml` files in a folder (embedded default) or an SMTP server. */
export type MailDelivery = { readonly folder: string } | { readonly smtpUrl: string };

export interface NotificationsOptions {
  readonly database: DatabaseConfig;
  /** The worker subscribes its consumers here; on the in-process bus, before `open()`. */
  readonly bus: EventBus;
  readonly delivery: MailDelivery;
  /** The From header, e.g. `Shelfmark <library@shelfmark.local>`; its domain names every Message-ID. */
  readonly from: string;
  readonly logger: Logger;
  readonly retry?: RetryBudget;
  /** How often the dispatcher looks for mails due (a retry's back-off ending); new mails go at once. */
  readonly pollIntervalMs?: number;
  readonly clock?: Clock;
}

export interface RunningNotifications {
  readonly orm: MikroORM;
  readonly mails: MailStore;
  readonly registry: Registry;
  /** The folder mails are written to, on the file delivery. */
  readonly mailFolder: string | undefined;
  /** One dispatcher pass now (tests, and a clean shutdown). */
  dispatchOnce(): Promise<number>;
  ready(): Promise<boolean>;
  /** Stops the dispatcher (a send in flight finishes), then closes the transport and the database. */
  close(): Promise<void>;
}

/** The default From: a local address no mail server will accept mail back for. */
export const DEFAULT_MAIL_FROM = 'Shelfmark <library@shelfmark.local>';

/**
 * The notifications worker (docs/architecture.md#notifications): consumes events, records each
 * mail they decide as PENDING keyed by the event id, and a dispatcher sends them. Not a subgraph:
 * it serves no GraphQL and keeps its own read model of readers and titles.
 */
export async function startNotifications(options: NotificationsOptions): Promise<RunningNotifications> {
  const clock = options.clock ?? systemClock;
  const orm = await openDatabase(options.database, NOTIFICATION_ENTITIES);
  const mails = new MikroOrmMailStore(orm);
  const directory = new MikroOrmDirectory(orm);
  const transport: MailTransport =
    'folder' in options.delivery
      ? new FileMailTransport(options.delivery.folder, options.from)
      : new SmtpMailTransport(options.delivery.smtpUrl, options.from);

  const own = new Registry();
  const outcomes = new Counter({
    name: 'shelfmark_mail_attempts_total',
    help: 'Mail send attempts by outcome: sent, retried (failed, will retry) or dead (failed for the last time).',
    labelNames: ['outcome'] as const,
    registers: [own],
  });
  new Gauge({
    name: 'shelfmark_mails',
    help: 'Mails recorded, by status (PENDING, SENT, DEAD).',
    labelNames: ['status'] as const,
    registers: [own],
    async collect() {
      const counts = await mails.countByStatus();
      for (const status of MAIL_STATUSES) this.set({ status }, counts[status] ?? 0);
    },
  });

  // Its own metrics, and the process's (runtime, event deliveries, dead letters, consumer lag).
  const registry = Registry.merge([own, processMetrics().registry]);
  registry.setDefaultLabels({ component: 'notifications' });

  const dispatcher = new MailDispatcher({
    mails,
    directory,
    transport,
    retry: options.retry ?? DEFAULT_RETRY,
    messageIdDomain: domainOf(options.from),
    now: clock,
    logger: options.logger,
    outcome: (outcome) => outcomes.inc({ outcome }),
  });
  const pump = new Pump(() => dispatcher.dispatchOnce(), options.logger);
  const recorder = new MailRecorder(mails, clock, () => pump.kick());
  const consumers: Consumer[] = [
    new LearnRecipientOnMemberRegistered(new RecipientRegistrar(directory)),
    new LearnTitleOnBookAdded(new TitleRegistrar(directory)),
    new MailWelcomeOnMemberRegistered(recorder),
    new MailReceiptOnLoanBorrowed(recorder),
    new MailReminderOnLoanDueSoon(recorder),
    new MailNoticeOnLoanOverdue(recorder),
    new MailPickupNoticeOnHoldReady(recorder),
  ];
  // One group for the worker's consumers (ADR 26), each named for its dead letters and metrics.
  await options.bus.subscribeGroup(
    'notifications',
    consumers.map((consumer) => ({
      name: `notifications.${consumer.name}`,
      types: consumer.types,
      handle: (event) => consumer.handle(event),
    })),
  );
  // Mails a previous run left PENDING (a crash, an outage) go out now, not at the first tick.
  pump.kick();
  const timer = setInterval(() => pump.kick(), options.pollIntervalMs ?? 1_000);
  timer.unref();

  return {
    orm,
    mails,
    registry,
    mailFolder: transport instanceof FileMailTransport ? transport.folder : undefined,
    dispatchOnce: () => dispatcher.dispatchOnce(),
    ready: () => orm.isConnected(),
    async close() {
      clearInterval(timer);
      await pump.stop();
      transport.close();
      await orm.close(true);
    },
  };
}

/** The domain part of a From address (`Name <local@domain>` or `local@domain`). */
function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'shelfmark.local';
}

/** Runs passes one at a time; a kick during a pass runs one more after it, never two at once. */
class Pump {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pass();
      } catch (error) {
        this.logger.error({ err: loggableError(error) }, 'mail dispatch pass failed; the next one retries');
      }
    } while (this.again && !this.stopped);
  }
}
