import type { CloudEvent } from '../envelope';
import type { Consumer } from '../consumer/Consumer';
import { MemoryDeadLetterSink, type DeadLetterSink } from '../consumer/DeadLetter';
import { defaultRetryPolicy, deliver, type RetryPolicy } from '../consumer/deliver';
import { silentLogger, type Logger } from '../Logger';
import { topicFor } from '../topics';
import type { EventBus } from './EventBus';

export interface InProcessEventBusOptions {
  readonly retry?: RetryPolicy;
  readonly deadLetters?: DeadLetterSink;
  readonly logger?: Logger;
}

/**
 * The embedded default: every subgraph in one process shares this bus.
 *
 * `publish` resolves only once every subscribed consumer has finished with the event (handled
 * or dead-lettered). So the outbox relay keeps an event until its effects are durable: a crash
 * at any point leaves it in the outbox and it is delivered again on restart — at least once,
 * with no broker to hold it meanwhile.
 *
 * Each consumer handles events one at a time, in publication order, like a single-partition
 * consumer group. Events are delivered as JSON copies, as over a wire.
 *
 * Publication waits until {@link open} is called, so a process can wire every consumer before
 * any event flows and no consumer misses the events published while it was being started.
 */
export class InProcessEventBus implements EventBus {
  private readonly consumers: Consumer[] = [];
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly retry: RetryPolicy;
  private readonly logger: Logger;
  readonly deadLetters: DeadLetterSink;
  private release: () => void = () => undefined;
  private readonly opened = new Promise<void>((resolve) => (this.release = resolve));
  private closed = false;

  constructor(options: InProcessEventBusOptions = {}) {
    this.retry = options.retry ?? defaultRetryPolicy;
    this.deadLetters = options.deadLetters ?? new MemoryDeadLetterSink();
    this.logger = options.logger ?? silentLogger;
  }

  /** Lets publication flow. Call once every consumer of the process has subscribed. */
  open(): void {
    this.release();
  }

  subscribe(consumer: Consumer): Promise<void> {
    if (this.consumers.some((c) => c.name === consumer.name)) {
      return Promise.reject(new Error(`A consumer named ${consumer.name} is already subscribed`));
    }
    this.consumers.push(consumer);
    return Promise.resolve();
  }

  /** Each consumer on its own, as {@link subscribe}: in process, a group saves nothing. */
  async subscribeGroup(_group: string, consumers: readonly Consumer[]): Promise<void> {
    for (const consumer of consumers) await this.subscribe(consumer);
  }

  async publish(events: readonly CloudEvent[]): Promise<void> {
    await this.opened;
    for (const event of events) {
      if (this.closed) throw new Error('The event bus is closed');
      const wire: unknown = JSON.parse(JSON.stringify(event));
      const topic = topicOrNull(event.type);
      // Like a Kafka consumer, every consumer of the topic sees every message on it: a malformed
      // one is dead-lettered by each, not silently dropped.
      const readers = this.consumers.filter(
        (c) => topic === null || c.types.some((t) => topicFor(t) === topic),
      );
      await Promise.all(readers.map((c) => this.enqueue(c, wire)));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.release();
    await Promise.allSettled([...this.tails.values()]);
  }

  private enqueue(consumer: Consumer, wire: unknown): Promise<unknown> {
    const previous = this.tails.get(consumer.name) ?? Promise.resolve();
    // Chain on "finished either way": one failed delivery (its publish rejects, so the outbox keeps
    // the event) must not stop the consumer for every later event.
    const next = previous
      .catch(() => undefined)
      .then(() =>
        deliver(consumer, wire, { retry: this.retry, deadLetters: this.deadLetters, logger: this.logger }),
      );
    this.tails.set(consumer.name, next);
    return next;
  }
}

function topicOrNull(type: unknown): string | null {
  try {
    return typeof type === 'string' ? topicFor(type) : null;
  } catch {
    return null;
  }
}
