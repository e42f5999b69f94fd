import { OptimisticLockError, type EntityManager, type EntityName, type MikroORM } from '@mikro-orm/core';
import type { AggregateRoot, OutboxStore, PendingEvents } from '@shelfmark/events';

type Aggregate = AggregateRoot & { id: string };

/**
 * The outbox of one aggregate type, read from the aggregates' own rows/documents.
 *
 * The rows of the last `pending` read stay loaded, so marking one of them published is one
 * versioned write without reading it again. When the row changed meanwhile (its version moved
 * on), that write loses its optimistic lock and the row is read again, as it always was.
 */
export class MikroOrmOutboxStore<T extends Aggregate = Aggregate> implements OutboxStore {
  private loaded = new Map<string, { readonly em: EntityManager; readonly row: T }>();

  constructor(
    private readonly orm: MikroORM,
    private readonly entity: EntityName<T>,
    readonly type: string,
  ) {}

  async pending(limit: number): Promise<PendingEvents[]> {
    const em = this.orm.em.fork();
    const rows = await em.find(this.entity, { hasOutbox: true } as never, { limit });
    this.loaded = new Map(rows.map((row) => [row.id, { em, row }]));
    return rows.map((row) => ({ aggregate: { type: this.type, id: row.id }, events: row.outbox }));
  }

  async markPublished(aggregate: PendingEvents['aggregate'], eventIds: readonly string[]): Promise<void> {
    const loaded = this.loaded.get(aggregate.id);
    this.loaded.delete(aggregate.id);
    if (loaded) {
      loaded.row.markPublished(eventIds);
      try {
        await loaded.em.flush();
        return;
      } catch (error) {
        if (!(error instanceof OptimisticLockError)) throw error;
        // Its unit of work now holds a write that lost: the rest of the batch is read again too.
        if (this.loaded.values().next().value?.em === loaded.em) this.loaded = new Map();
      }
    }
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
