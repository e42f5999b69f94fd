import { tempDir, waitFor } from '@shelfmark/testing';
import { join } from 'node:path';
import { serveProbes, type ProbeServer } from '../src';
import { anEventOfEachKind, learnBook } from './support/events';
import { startTestWorker, type TestWorker } from './support/testWorker';

/** What the worker's own process serves: liveness, readiness on its database, and mail metrics. */
describe('the notifications process probes', () => {
  const dir = tempDir('shelfmark-probes-');
  let test: TestWorker;
  let probes: ProbeServer;

  beforeAll(async () => {
    test = await startTestWorker('notifications-probes', { folder: join(dir.path, 'mail') });
    probes = await serveProbes({
      host: '127.0.0.1',
      port: 0,
      ready: () => test.worker.ready(),
      registry: test.worker.registry,
    });
  });
  afterAll(async () => {
    await probes.close();
    await test.close();
    dir.cleanup();
  });

  it('answers /healthz and /readyz while its database answers', async () => {
    expect((await fetch(`${probes.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${probes.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    expect((await fetch(`${probes.url}/nowhere`)).status).toBe(404);
  });

  it('counts sent mails on /metrics', async () => {
    await test.publish(learnBook(), anEventOfEachKind().WELCOME);
    // The counter moves once the SENT write has returned, and a scrape reads the counter before it
    // counts the stored mails: wait for the counter, then the stored SENT is there too.
    const counted = /shelfmark_mail_attempts_total\{outcome="sent",component="notifications"\} 1/;
    await waitFor(async () => counted.test(await (await fetch(`${probes.url}/metrics`)).text()) || undefined);
    const metrics = await (await fetch(`${probes.url}/metrics`)).text();
    expect(metrics).toMatch(/shelfmark_mails\{status="SENT",component="notifications"\} 1/);
    expect(metrics).toMatch(/shelfmark_mails\{status="PENDING",component="notifications"\} 0/);
  });
});
