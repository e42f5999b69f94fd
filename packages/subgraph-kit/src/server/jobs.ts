import type { Logger } from '@shelfmark/events';

/** What a subgraph does on a schedule (overdue detection, hold expiry, saga recovery, …). */
export interface ScheduledJob {
  readonly name: string;
  /** One pass at `now`; idempotent, so a pass cut short is simply done again by the next one. */
  run(now: Date): Promise<unknown>;
}

/** Tells the time. Injected everywhere time matters, so tests can move it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/**
 * Runs a subgraph's jobs every `intervalMs`, one pass at a time (a slow pass is never overlapped by
 * the next). `runOnce` runs every job now: the launcher calls it at start-up (recovery first) and
 * tests call it after moving the clock.
 */
export class JobScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly jobs: readonly ScheduledJob[],
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number): void {
    if (this.jobs.length === 0 || intervalMs <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  /** Runs every job once; joins the pass already under way, if any. Never rejects. */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async pass(): Promise<void> {
    for (const job of this.jobs) {
      try {
        const outcome = await job.run(this.clock());
        this.logger.debug({ job: job.name, outcome }, 'scheduled job ran');
      } catch (error) {
        // The next pass tries again; one failing job does not stop the others.
        this.logger.error({ err: error, job: job.name }, 'scheduled job failed');
      }
    }
  }
}
