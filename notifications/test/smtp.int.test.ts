import { waitFor } from '@shelfmark/testing';
import { messageIdFor } from '../src';
import { anEventOfEachKind, book, expected, learnBook, learnReader, reader } from './support/events';
import { startSmtpServer, type TestSmtpServer } from './support/smtpServer';
import { startTestWorker, type TestWorker } from './support/testWorker';

/** With SMTP_URL: every mail over real SMTP to a server the test runs (smtp-server), and its outages. */
describe('notifications over SMTP', () => {
  let smtp: TestSmtpServer;
  const workers: TestWorker[] = [];
  const worker = async (name: string, retry?: Parameters<typeof startTestWorker>[2]) => {
    const started = await startTestWorker(name, { smtpUrl: smtp.url }, retry);
    workers.push(started);
    await started.publish(learnBook());
    return started;
  };
  const arrivals = (eventId: string) =>
    smtp.received.filter((m) => m.messageId === messageIdFor(eventId, 'library.test'));
  const arrived = (eventId: string) => waitFor(() => arrivals(eventId)[0]);
  const attempted = (test: TestWorker, eventId: string, times: number) =>
    waitFor(async () => {
      const mail = await test.worker.mails.byEventId(eventId);
      return mail && mail.attempts >= times ? mail : undefined;
    });

  beforeEach(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    for (const started of workers.splice(0)) await started.close();
    await smtp.close();
  });

  it('delivers every kind of mail to the reader', async () => {
    const test = await worker('notifications-smtp-kinds');
    const events = anEventOfEachKind();
    for (const event of Object.values(events)) await test.publish(event);
    for (const kind of Object.keys(expected) as (keyof typeof expected)[]) {
      const mail = await arrived(events[kind].id);
      expect(mail.subject).toBe(expected[kind].subject);
      expect(mail.to).toBe(`${reader.name} <${reader.email}>`);
      if (kind !== 'WELCOME') expect(mail.html).toContain(`<strong>${book.title}</strong>`);
      const date = expected[kind].date;
      if (date) expect(mail.text).toContain(date);
    }
  });

  it('sends nothing twice for a redelivered event, before or after a restart', async () => {
    const test = await worker('notifications-smtp-redelivery');
    const { LOAN_RECEIPT } = anEventOfEachKind();
    await test.publish(learnReader(), LOAN_RECEIPT);
    await arrived(LOAN_RECEIPT.id);

    await test.publish(LOAN_RECEIPT);
    await test.restart();
    await test.publish(LOAN_RECEIPT);
    expect(await test.worker.dispatchOnce()).toBe(0);
    expect(arrivals(LOAN_RECEIPT.id)).toHaveLength(1);
    // The welcome (learnReader is a member-registered) and the one receipt.
    expect(smtp.received).toHaveLength(2);
  });

  it('sends each mail once when two replicas dispatch from one database', async () => {
    const first = await worker('notifications-smtp-replicas');
    const second = await startTestWorker(
      'notifications-smtp-replicas',
      { smtpUrl: smtp.url },
      undefined,
      undefined,
      first.database,
    );
    workers.push(second);
    await first.publish(learnReader());
    const receipts = Array.from({ length: 20 }, (_, i) => {
      const { LOAN_RECEIPT } = anEventOfEachKind();
      return { ...LOAN_RECEIPT, data: { ...LOAN_RECEIPT.data, loanId: `loan-${i}` } };
    });
    // Recorded through one replica's consumers; both dispatchers poll the same mails.
    await first.publish(...receipts);
    await Promise.all([first.worker.dispatchOnce(), second.worker.dispatchOnce()]);
    for (const receipt of receipts) await arrived(receipt.id);
    await Promise.all([first.worker.dispatchOnce(), second.worker.dispatchOnce()]);
    for (const receipt of receipts) expect(arrivals(receipt.id)).toHaveLength(1);
    expect(smtp.received).toHaveLength(receipts.length + 1);
  });

  it('loses nothing while the server answers 4xx: the mail goes once it accepts again', async () => {
    const test = await worker('notifications-smtp-refusing');
    const { WELCOME } = anEventOfEachKind();
    smtp.refuse();
    await test.publish(WELCOME);
    const failing = await attempted(test, WELCOME.id, 2);
    expect(failing).toMatchObject({ status: 'PENDING' });
    expect(failing.lastError).toMatch(/451/);
    expect(smtp.received).toHaveLength(0);

    smtp.accept();
    await arrived(WELCOME.id);
    // The server has it before the worker marks it SENT: wait for the mark.
    const sent = await waitFor(async () => {
      const stored = await test.worker.mails.byEventId(WELCOME.id);
      return stored?.status === 'SENT' ? stored : undefined;
    });
    expect(sent).toMatchObject({ status: 'SENT' });
    expect(arrivals(WELCOME.id)).toHaveLength(1);
  });

  it('loses nothing while the server is down, across a restart of the worker', async () => {
    const test = await worker('notifications-smtp-down');
    const { WELCOME, HOLD_READY } = anEventOfEachKind();
    await smtp.stop();
    await test.publish(WELCOME, HOLD_READY);
    await attempted(test, HOLD_READY.id, 1);
    await test.restart();
    await attempted(test, HOLD_READY.id, 2);

    await smtp.start();
    expect((await arrived(WELCOME.id)).subject).toBe(expected.WELCOME.subject);
    expect((await arrived(HOLD_READY.id)).subject).toBe(expected.HOLD_READY.subject);
    expect(smtp.received).toHaveLength(2);
  });

  it("regression: a server's refusal quoting the reader's address reaches the log without it", async () => {
    const logged: string[] = [];
    const capture = (level: string) => (obj: object, msg?: string) =>
      logged.push(`${level} ${msg} ${JSON.stringify(obj)}`);
    const logger = {
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
      debug: capture('debug'),
    };
    const test = await startTestWorker(
      'notifications-smtp-rejected',
      { smtpUrl: smtp.url },
      { maxAttempts: 2, firstDelayMs: 10, maxDelayMs: 20 },
      logger,
    );
    workers.push(test);
    smtp.rejectRecipients();
    const { WELCOME } = anEventOfEachKind();
    await test.publish(WELCOME);
    const dead = await waitFor(async () => {
      const mail = await test.worker.mails.byEventId(WELCOME.id);
      return mail?.status === 'DEAD' ? mail : undefined;
    });
    expect(dead.lastError).toContain(reader.email);
    expect(logged.filter((line) => line.includes(WELCOME.id))).toHaveLength(2);
    expect(logged.join('\n')).toContain('[e-mail]');
    expect(logged.join('\n')).not.toContain(reader.email);
  });

  it('dead-letters a mail after its retry budget, keeps it, and counts it', async () => {
    const test = await worker('notifications-smtp-dead', {
      maxAttempts: 3,
      firstDelayMs: 10,
      maxDelayMs: 20,
    });
    const { WELCOME } = anEventOfEachKind();
    smtp.refuse();
    await test.publish(WELCOME);
    const dead = await waitFor(async () => {
      const mail = await test.worker.mails.byEventId(WELCOME.id);
      return mail?.status === 'DEAD' ? mail : undefined;
    });
    expect(dead).toMatchObject({ attempts: 3, memberId: reader.memberId, kind: 'WELCOME' });
    expect(dead.lastError).toMatch(/451/);

    smtp.accept();
    expect(await test.worker.dispatchOnce()).toBe(0);
    expect(smtp.received).toHaveLength(0);
    const metrics = await test.worker.registry.metrics();
    expect(metrics).toMatch(/shelfmark_mail_attempts_total\{outcome="dead",component="notifications"\} 1/);
    expect(metrics).toMatch(/shelfmark_mails\{status="DEAD",component="notifications"\} 1/);
  });
});
