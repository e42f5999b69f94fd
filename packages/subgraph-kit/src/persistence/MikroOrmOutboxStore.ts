import { OptimisticLockError, type EntityName, type MikroORM } from '@mikro-orm/core';
import type { AggregateRoot, OutboxStore, PendingEvents } from '@shelfmark/events';

type Aggregate = AggregateRoot & { id: string };

/** The outbox of one aggregate type, read from the aggregates' own rows/documents. */
export class MikroOrmOutboxStore<T extends Aggregate = Aggregate> implements OutboxStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly entity: EntityName<T>,
    readonly type: string,
  ) {}

  async pending(limit: number): Promise<PendingEvents[]> {
    const em = this.orm.em.fork();
    const rows = await em.find(this.entity, { hasOutbox: true } as never, { limit });
    return rows.map((row) => ({ aggregate: { type: this.type, id: row.id }, events: row.outbox }));
  }

  async markPublished(aggregate: PendingEvents['aggregate'], eventIds: readonly string[]): Promise<void> {
    // A concurrent change of the aggregate makes the write lose its optimistic lock: read it again.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const em = this.orm.em.fork();
      const row = await em.findOne(this.entity, { id: aggregate.id } as never);
      if (!row) return;
      row.markPublished(eventIds);
      try {
        await em.flush();
        return;
      } catch (error) {
        if (!(error instanceof OptimisticLockError)) throw error;
      }
    }
    // Still racing: leave the events; the next pass publishes them again and consumers de-duplicate.
  }
}
