import type { AggregateRoot, OutboxStore, PendingEvents } from '../../src';

/**
 * A hand-written fake of the outbox port: aggregates in a Map, as a subgraph's repository keeps
 * them in documents. It can hold `pending` open or fail `markPublished`, to play out crashes.
 */
export class MemoryOutboxStore<A extends AggregateRoot & { readonly id: string }> implements OutboxStore {
  readonly aggregates = new Map<string, A>();
  /** The `limit` of each call to `pending`, oldest first. */
  readonly pendingCalls: number[] = [];
  /** When set, `pending` reads the outboxes at once but answers only once this resolves. */
  holdPending: Promise<void> | undefined;
  /** When set, `markPublished` writes only once this resolves. */
  holdMarks: Promise<void> | undefined;
  private markFailures = 0;

  constructor(private readonly aggregateType: string) {}

  get type(): string {
    return this.aggregateType;
  }

  save(...aggregates: A[]): void {
    for (const aggregate of aggregates) this.aggregates.set(aggregate.id, aggregate);
  }

  /** The next `times` calls to markPublished fail, as if the process crashed before the write. */
  failMarkPublished(times = 1): void {
    this.markFailures = times;
  }

  async pending(limit: number): Promise<PendingEvents[]> {
    this.pendingCalls.push(limit);
    const pending = [...this.aggregates.values()]
      .filter((aggregate) => aggregate.hasOutbox)
      .slice(0, limit)
      .map((aggregate) => ({
        aggregate: { type: this.aggregateType, id: aggregate.id },
        events: [...aggregate.outbox],
      }));
    if (this.holdPending) await this.holdPending;
    return pending;
  }

  async markPublished(aggregate: PendingEvents['aggregate'], eventIds: readonly string[]): Promise<void> {
    if (this.holdMarks) await this.holdMarks;
    if (this.markFailures > 0) {
      this.markFailures -= 1;
      throw new Error(`could not write ${aggregate.type} ${aggregate.id}`);
    }
    this.aggregates.get(aggregate.id)?.markPublished(eventIds);
  }

  /** Every event still waiting in an outbox. */
  unpublished(): string[] {
    return [...this.aggregates.values()].flatMap((aggregate) => aggregate.outbox.map((event) => event.id));
  }
}
