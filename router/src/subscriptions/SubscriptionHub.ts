import { ErrorCode } from '@shelfmark/errors';
import { defineConsumer, type Consumer, type Logger, type ShelfmarkEvent } from '@shelfmark/events';
import { processMetrics, type Identity } from '@shelfmark/subgraph-kit';
import type { FormattedExecutionResult } from 'graphql';
import { PushQueue } from './PushQueue';
import { asSubscriptionPayload, type RewrittenSubscription } from './rewrite';

/** Runs one update's query through the gateway as the given caller (as an HTTP query would run). */
export type ExecuteAs = (request: {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly token: string | null;
  readonly identity: Identity | null;
}) => Promise<FormattedExecutionResult>;

export interface HubOptions {
  readonly execute: ExecuteAs;
  readonly logger: Logger;
  /** The least time between two pushes of one ranking subscription (a trailing throttle). Default 250 ms. */
  readonly rankingIntervalMs?: number;
  /**
   * How long after the last borrow of a burst a ranking is looked at once more. Analytics updates
   * its ranking from the same event the router hears, so the throttled look may come first; this
   * one sees the settled ranking (and pushes only if it differs). Default 1 s.
   */
  readonly rankingSettleMs?: number;
  /** How many event ids are remembered to drop a redelivered event. Default 10,000. */
  readonly rememberedEvents?: number;
}

/** One subscriber, as a transport hands it over. */
export interface SubscriberRequest {
  readonly subscription: RewrittenSubscription;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly token: string | null;
  readonly identity: Identity | null;
  /** Payloads that may wait unread before the subscriber counts as a slow consumer. */
  readonly backlog: number;
  /** Called when the subscriber's backlog overflows; the transport drops the client. */
  readonly onSlowConsumer: () => void;
  /** Whether the subscriber's socket holds more unsent bytes than allowed (a slow consumer too). */
  readonly congested: () => boolean;
}

/** The events the router listens to; each one's data names the book it concerns, or a borrow. */
const FEEDING_EVENTS = [
  'shelfmark.inventory.copy-added.v1',
  'shelfmark.inventory.copy-status-changed.v1',
  'shelfmark.loans.loan-borrowed.v1',
] as const;
type FeedingEvent = (typeof FEEDING_EVENTS)[number];

/**
 * The heart of federated subscriptions (docs/adr/0013-federated-subscriptions.md). Subscribers with
 * the same query, variables and identity share one {@link SharedExecution}: each update runs the
 * query once through the gateway and the one result is pushed to all of them. Events from the bus
 * say which executions an update concerns: a copy of book X changed → every `bookStatusChanged`
 * of X; a borrow → every `rankingChanged`, throttled and pushed only when the ranking differs.
 */
export class SubscriptionHub {
  private readonly executions = new Map<string, SharedExecution>();
  private readonly byBook = new Map<string, Set<SharedExecution>>();
  private readonly rankings = new Set<SharedExecution>();
  private readonly seen: BoundedSet;
  private readonly counter = { runs: 0 };
  private closed = false;

  constructor(private readonly options: HubOptions) {
    this.seen = new BoundedSet(options.rememberedEvents ?? 10_000);
  }

  /** The stream of one subscriber's payloads; ending it (return()) unsubscribes. */
  subscribe(request: SubscriberRequest): AsyncIterableIterator<FormattedExecutionResult> {
    const key = JSON.stringify([
      request.subscription.query,
      request.subscription.operationName ?? null,
      request.variables,
      identityClass(request.identity),
    ]);
    let execution = this.executions.get(key);
    if (!execution) {
      execution = new SharedExecution(request, this.options, this.counter, () => this.forget(key));
      this.executions.set(key, execution);
      const { trigger } = request.subscription;
      if (trigger.kind === 'book') {
        const set = this.byBook.get(trigger.bookId) ?? new Set();
        set.add(execution);
        this.byBook.set(trigger.bookId, set);
      } else {
        this.rankings.add(execution);
        execution.takeBaseline();
      }
    }
    const shared = execution;
    const queue: PushQueue<FormattedExecutionResult> = new PushQueue(
      request.backlog,
      request.onSlowConsumer,
      request.congested,
      () => shared.remove(queue),
    );
    shared.add(queue, request.token);
    return queue;
  }

  /** How many shared executions are live (one per distinct query, variables and identity). */
  get executionCount(): number {
    return this.executions.size;
  }

  /** How many subscribers are live, over every transport. */
  get subscriberCount(): number {
    let count = 0;
    for (const execution of this.executions.values()) count += execution.size;
    return count;
  }

  /** How many update queries have run since start (each one shared by all its subscribers). */
  get runs(): number {
    return this.counter.runs;
  }

  /**
   * The bus consumer feeding the hub. `name` is its consumer group: on Kafka each router replica
   * passes its own, so every replica receives every event. Ephemeral: a router needs the events
   * of its own lifetime only (its subscribers are gone after a restart), so its group starts from
   * now and is deleted when the bus closes.
   */
  consumer(name: string): Consumer {
    return defineConsumer<FeedingEvent>({
      name,
      types: FEEDING_EVENTS,
      ephemeral: true,
      // Never awaits the re-queries: on the in-process bus a slow push must not hold up the
      // publisher (and the borrow's answer).
      handle: (event) => {
        this.onEvent(event);
        return Promise.resolve();
      },
    });
  }

  /** Routes one event to the executions it concerns; a redelivered event (same id) changes nothing. */
  onEvent(event: ShelfmarkEvent<FeedingEvent>): void {
    if (this.closed || !this.seen.add(event.id)) return;
    switch (event.type) {
      case 'shelfmark.inventory.copy-added.v1':
      case 'shelfmark.inventory.copy-status-changed.v1':
        for (const execution of this.byBook.get(event.data.bookId) ?? []) execution.pushNext();
        return;
      case 'shelfmark.loans.loan-borrowed.v1':
        for (const execution of this.rankings) execution.pushWhenChanged();
        return;
    }
  }

  /** Ends every stream and cancels pending work. */
  close(): void {
    this.closed = true;
    for (const execution of [...this.executions.values()]) execution.end();
  }

  private forget(key: string): void {
    const execution = this.executions.get(key);
    if (!execution) return;
    this.executions.delete(key);
    this.rankings.delete(execution);
    for (const [bookId, set] of this.byBook) {
      set.delete(execution);
      if (set.size === 0) this.byBook.delete(bookId);
    }
  }
}

/**
 * One query run for every subscriber that shares it. Runs are chained, so pushes leave in the
 * order their events came.
 */
class SharedExecution {
  /** Each subscriber's stream and the token it subscribed with. */
  private readonly subscribers = new Map<PushQueue<FormattedExecutionResult>, string | null>();
  private chain: Promise<void> = Promise.resolve();
  private last: string | undefined;
  private lastRunAt = 0;
  private throttle: NodeJS.Timeout | undefined;
  private settle: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(
    private readonly request: SubscriberRequest,
    private readonly options: HubOptions,
    private readonly counter: { runs: number },
    private readonly onEmpty: () => void,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  add(queue: PushQueue<FormattedExecutionResult>, token: string | null): void {
    this.subscribers.set(queue, token);
  }

  remove(queue: PushQueue<FormattedExecutionResult>): void {
    this.subscribers.delete(queue);
    if (this.subscribers.size === 0) this.end();
  }

  /** Remembers the current answer without pushing it: later pushes are of changes only. */
  takeBaseline(): void {
    this.enqueue(async () => {
      this.last = JSON.stringify(await this.run());
    });
  }

  /** One push for one change (bookStatusChanged): every event is a change of availability. */
  pushNext(): void {
    this.enqueue(async () => this.broadcast(await this.run()));
  }

  /** A trailing throttle, then a push only if the answer differs from the last one (rankingChanged). */
  pushWhenChanged(): void {
    const interval = this.options.rankingIntervalMs ?? 250;
    const look = () =>
      this.enqueue(async () => {
        const result = await this.run();
        const text = JSON.stringify(result);
        if (text === this.last) return;
        this.last = text;
        this.broadcast(result);
      });
    this.throttle ??= setTimeout(
      () => {
        this.throttle = undefined;
        this.lastRunAt = Date.now();
        look();
      },
      Math.max(interval, this.lastRunAt + interval - Date.now()),
    );
    clearTimeout(this.settle);
    this.settle = setTimeout(look, this.options.rankingSettleMs ?? 1_000);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.throttle);
    clearTimeout(this.settle);
    for (const queue of [...this.subscribers.keys()]) void queue.return();
    this.onEmpty();
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (!this.ended) await work();
    });
  }

  private broadcast(result: FormattedExecutionResult): void {
    for (const queue of [...this.subscribers.keys()]) queue.push(result);
    processMetrics().subscriptionMessages.inc(this.subscribers.size);
  }

  /** Runs the query as the subscribers' identity; an unexpected failure is an error payload. */
  private async run(): Promise<FormattedExecutionResult> {
    // Every subscriber here has the same identity; the newest token is the one furthest from expiry.
    const token = [...this.subscribers.values()].at(-1) ?? this.request.token;
    this.counter.runs += 1;
    try {
      const result = await this.options.execute({
        query: this.request.subscription.query,
        operationName: this.request.subscription.operationName,
        variables: this.request.variables,
        token,
        identity: this.request.identity,
      });
      return asSubscriptionPayload(this.request.subscription, result);
    } catch (error) {
      this.options.logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        'subscription update failed',
      );
      return {
        errors: [
          {
            message: 'Something went wrong on our side while updating this subscription. It has been logged.',
            extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
          },
        ],
      };
    }
  }
}

/** Anonymous callers share; a member shares only with themselves (what they may read differs). */
function identityClass(identity: Identity | null): string {
  return identity ? `${identity.role}:${identity.memberId}` : 'anonymous';
}

/** The ids of the last `capacity` events (oldest forgotten first): drops redeliveries. */
class BoundedSet {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity: number) {}

  /** False when the id is already remembered. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
    return true;
  }
}
