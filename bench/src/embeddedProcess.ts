import 'reflect-metadata';
import { loadConfig, startEmbedded } from '@shelfmark/launcher';
import type { SystemStats } from './system';

/**
 * The embedded system (`npm start`) as a child process of a benchmark, answering over IPC with its
 * own figures: the router's subscription counts (which only the process itself can see) and the
 * process's memory and CPU, so a benchmark's clients are not counted in them. Started by
 * `launchEmbedded` in system.ts; it stops when told to, or when the benchmark goes away.
 */

export type ToParent =
  { readonly kind: 'ready'; readonly url: string } | { readonly kind: 'stats'; readonly stats: SystemStats };
export type ToChild = { readonly kind: 'stats' } | { readonly kind: 'close' };

async function main() {
  const send = (message: ToParent) => process.send?.(message);
  const shelfmark = await startEmbedded(loadConfig(process.env));
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= shelfmark.close().finally(() => process.exit(0));
    return closing;
  };
  process.on('message', (message: ToChild) => {
    switch (message.kind) {
      case 'stats': {
        const usage = process.resourceUsage();
        const hub = shelfmark.router.subscriptions;
        send({
          kind: 'stats',
          stats: {
            rssBytes: process.memoryUsage.rss(),
            maxRssBytes: usage.maxRSS * 1024,
            cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
            subscribers: hub.subscriberCount,
            executions: hub.executionCount,
            runs: hub.runs,
          },
        });
        return;
      }
      case 'close':
        void close();
        return;
    }
  });
  process.on('disconnect', () => void close());
  send({ kind: 'ready', url: shelfmark.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
