import type { CloudEvent } from '../envelope';
import type { EventBus } from '../bus/EventBus';
import { silentLogger, type Logger } from '../Logger';
import {
  BACKLOG_LIMIT,
  notifyPublished,
  tracePublication,
  trackRelay,
  type OutboxBacklog,
} from '../telemetry';

/** Unpublished events of one aggregate, oldest first, and how to find that aggregate again. */
export interface PendingEvents {
  readonly aggregate: { readonly type: string; readonly id: string };
  readonly events: readonly CloudEvent[];
}

/** Where aggregates keep their unpublished events: one per aggregate type of a subgraph. */
export interface OutboxStore {
  /** The aggregate type whose outboxes this store reads (what {@link OutboxRelay.wake} names). */
  readonly type: string;
  /** Aggregates that still hold unpublished events, at most `limit` of them. */
  pending(limit: number): Promise<PendingEvents[]>;
  /**
   * Optional: the aggregates this process itself committed with events since the last call, as
   * they were committed (so a pass woken by those commits need not read the outbox for them), at
   * most `limit`; the rest wait for the next call. Undefined when the store cannot say (then the
   * relay reads {@link pending}). What another process or a crashed run left is for the poll.
   */
  takeWritten?(limit: number): PendingEvents[] | undefined;
  /**
   * Optional: what {@link pending} finds, read for metrics only — it must not change what the
   * store remembers for the relay's passes. Without it, the backlog is read with `pending`.
   */
  peek?(limit: number): Promise<PendingEvents[]>;
  /**
   * Removes published events from the aggregate. May lose a race with a concurrent change of the
   * aggregate; the events are then published again later, which consumers de-duplicate.
   */
  markPublished(aggregate: PendingEvents['aggregate'], eventIds: readonly string[]): Promise<void>;
}

/** A pass of the relay: when the bus has acknowledged its events, and when it is over. */
interface Pass {
  readonly acknowledged: Promise<void>;
  readonly done: Promise<number>;
}

/**
 * A pass whose caller may wait for either promise, or neither (the loop's passes): a failure is
 * the caller's to handle when it waits, and never an unhandled rejection when it does not.
 */
function passOf(done: Promise<number>, acknowledged: Promise<void>): Pass {
  done.catch(() => undefined);
  acknowledged.catch(() => undefined);
  return { done, acknowledged };
}

export interface OutboxRelayOptions {
  /** How often to look for events when nobody called {@link OutboxRelay.wake}. */
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  readonly logger?: Logger;
}

/**
 * Publishes what aggregates recorded in their outboxes, then removes it (docs/design.md §3).
 * A use case wakes the relay after it commits, so events flow at once; the poll catches what a
 * crashed process left behind. Publication is at least once: a crash between the bus accepting
 * an event and the outbox forgetting it publishes that event again, never loses it.
 */
export class OutboxRelay {
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly logger: Logger;
  /** Each loop runs while its generation is current; stop() and start() move to a new one. */
  private generation = 0;
  private active = false;
  private running: Promise<void> = Promise.resolve();
  private readonly nudges = new Set<() => void>();
  private woken = false;
  private pass: Pass | undefined;
  private nextPass: Pass | undefined;
  /** The aggregate types the next pass publishes: those woken since the last pass (all, after a poll). */
  private due = new Set<string>();
  /**
   * Of those, the ones whose outbox the next pass must read: after a poll, at start, for
   * publishOnce, after a full batch. The others are woken by this process's own commits, which
   * their stores may hand over as written ({@link OutboxStore.takeWritten}).
   */
  private scan = new Set<string>();

  constructor(
    private readonly stores: readonly OutboxStore[],
    private readonly bus: EventBus,
    options: OutboxRelayOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.batchSize = options.batchSize ?? 100;
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    trackRelay(this, true);
    // The first pass reads every store: a previous run may have left events behind.
    this.scanAll();
    const generation = ++this.generation;
    this.running = this.loop(generation);
  }

  /**
   * Something was just committed: look now rather than at the next poll. `types` names the
   * aggregate types whose outboxes gained events, so the pass reads only those; none means all.
   */
  wake(types?: readonly string[]): void {
    if (!types) this.scanAll();
    for (const type of types ?? []) this.due.add(type);
    this.woken = true;
    for (const nudge of this.nudges) nudge();
  }

  /** Publishes everything pending now; resolves when the outboxes are empty. For tests and shutdown. */
  async drain(): Promise<void> {
    while ((await this.publishOnce()) > 0) {
      /* keep going until a pass finds nothing */
    }
  }

  /** Ends the loop after the pass it is in; a later start() runs a new one. */
  async stop(): Promise<void> {
    this.active = false;
    trackRelay(this, false);
    this.generation += 1;
    const running = this.running;
    for (const nudge of this.nudges) nudge();
    await running;
  }

  /**
   * One pass over every store that starts after this call; returns how many events it published.
   * Passes never overlap within a process: callers arriving during a pass share the next one.
   */
  publishOnce(): Promise<number> {
    this.scanAll();
    return this.schedulePass().done;
  }

  /**
   * One pass over the stores woken since the last pass began: what was committed before this
   * call is published when it resolves (by this pass or by the one already under way).
   */
  publishWoken(): Promise<number> {
    return this.schedulePass().done;
  }

  /**
   * Like {@link publishWoken}, but resolves as soon as the bus has acknowledged the events, while
   * the pass may still be removing them from the outboxes: what a request must wait for before
   * it answers (its events are in the log). A failure to remove them after that is logged, and
   * the next pass reads those outboxes again (at least once: their events may be published twice).
   */
  acknowledgeWoken(): Promise<void> {
    return this.schedulePass().acknowledged;
  }

  /** What is still unpublished, per store, and since when (for /metrics; a bounded read). */
  async backlog(): Promise<OutboxBacklog[]> {
    return Promise.all(
      this.stores.map(async (store) => {
        let pending = 0;
        let oldest: number | undefined;
        for (const { events } of await (store.peek?.(BACKLOG_LIMIT) ?? store.pending(BACKLOG_LIMIT))) {
          pending += events.length;
          for (const event of events) {
            const time = Date.parse(event.time);
            if (oldest === undefined || time < oldest) oldest = time;
          }
        }
        return {
          aggregate: store.type,
          pending,
          oldest: oldest === undefined ? undefined : new Date(oldest),
        };
      }),
    );
  }

  private schedulePass(): Pass {
    if (!this.pass) {
      let acknowledge: () => void = () => undefined;
      const acknowledged = new Promise<void>((resolve) => (acknowledge = resolve));
      const done = this.publishPending(acknowledge).finally(() => (this.pass = undefined));
      // Settled either way: a pass that fails before every publication is acknowledged fails both.
      const pass = passOf(done, Promise.race([acknowledged, done.then(() => undefined)]));
      this.pass = pass;
      return pass;
    }
    if (!this.nextPass) {
      const next = this.pass.done
        .catch(() => 0)
        .then(() => {
          this.nextPass = undefined;
          return this.schedulePass();
        });
      this.nextPass = passOf(
        next.then((pass) => pass.done),
        next.then((pass) => pass.acknowledged),
      );
    }
    return this.nextPass;
  }

  private scanAll(): void {
    for (const store of this.stores) {
      this.due.add(store.type);
      this.scan.add(store.type);
    }
  }

  /**
   * One pass: reads what each due store has (or was handed), then publishes it aggregate by
   * aggregate, marking each published once the bus accepted it. `acknowledge` is called once the
   * bus has accepted the last of them, before the last is marked.
   */
  private async publishPending(acknowledge: () => void): Promise<number> {
    const due = this.due;
    const scan = this.scan;
    this.due = new Set();
    this.scan = new Set();
    const batches: { store: OutboxStore; batch: PendingEvents[]; written: boolean }[] = [];
    try {
      for (const store of this.stores) {
        if (!due.has(store.type)) continue;
        const written = scan.has(store.type) ? undefined : store.takeWritten?.(this.batchSize);
        const batch = written ?? (await store.pending(this.batchSize));
        batches.push({ store, batch, written: written !== undefined });
      }
    } catch (error) {
      // Not read, or handed over and not published: the next pass reads those outboxes.
      for (const type of due) {
        this.due.add(type);
        this.scan.add(type);
      }
      throw error;
    }
    const last = batches.findLast(({ batch }) => batch.length > 0)?.batch.at(-1);
    let acknowledged = !last;
    if (acknowledged) acknowledge();
    let published = 0;
    for (const [index, { store, batch, written }] of batches.entries()) {
      // A full batch may not be all: the next pass looks at this store again, the same way.
      if (batch.length >= this.batchSize) {
        this.due.add(store.type);
        if (!written) this.scan.add(store.type);
      }
      try {
        for (const pending of batch) {
          await tracePublication(store.type, pending.events, () => this.bus.publish(pending.events));
          notifyPublished(pending.events);
          if (pending === last) {
            acknowledged = true;
            acknowledge();
          }
          await store.markPublished(
            pending.aggregate,
            pending.events.map((e) => e.id),
          );
          published += pending.events.length;
        }
      } catch (error) {
        // What did not get through, here and in the stores not reached, is still in the outbox:
        // the next pass reads it there.
        for (const { store: left } of batches.slice(index)) {
          this.due.add(left.type);
          this.scan.add(left.type);
        }
        // Once acknowledged, the requests waiting on this pass have answered: nobody else hears of it.
        if (acknowledged) {
          this.logger.warn(
            { err: error instanceof Error ? error.message : String(error) },
            'outbox relay pass failed after its events were acknowledged; the next pass reads the outboxes again',
          );
        }
        throw error;
      }
    }
    return published;
  }

  private async loop(generation: number): Promise<void> {
    while (generation === this.generation) {
      this.woken = false;
      let published = 0;
      try {
        published = await this.publishWoken();
      } catch (error) {
        this.logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'outbox relay pass failed; will retry',
        );
      }
      if (published === 0 && !this.woken && generation === this.generation) await this.sleep();
    }
  }

  /** Waits for a wake or the poll; a poll reads every store (it finds what a crash left behind). */
  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = (polled: boolean) => {
        clearTimeout(timer);
        this.nudges.delete(nudged);
        if (polled) this.scanAll();
        resolve();
      };
      const nudged = () => done(false);
      const timer = setTimeout(() => done(true), this.pollIntervalMs);
      this.nudges.add(nudged);
    });
  }
}
