import {
  OptimisticLockError,
  type EntityManager,
  type EntityName,
  type FlushEventArgs,
  type MikroORM,
} from '@mikro-orm/core';
import type { AggregateRoot, CloudEvent, OutboxStore, PendingEvents } from '@shelfmark/events';
import { isMongo } from './queries';

type Aggregate = AggregateRoot & { id: string };

/** An aggregate as this process committed it: its version then, and its whole outbox then. */
interface Written {
  readonly version: number;
  readonly events: readonly CloudEvent[];
}

/** More aggregates than this waiting to be taken, and the store asks for its outbox to be read. */
const MAX_WRITTEN = 10_000;
/** How many of the events it marked published the store remembers (see `published`). */
const MAX_PUBLISHED = 10_000;

/**
 * The outbox of one aggregate type, read from the aggregates' own rows/documents.
 *
 * The rows of the last `pending` read stay loaded, so marking one of them published is one
 * versioned write without reading it again. When the row changed meanwhile (its version moved
 * on), that write loses its optimistic lock and the row is read again, as it always was.
 *
 * It also watches this process's own flushes: an aggregate committed with events is remembered
 * as written (its version and its whole outbox — the write was checked against the version it
 * was read at, so the stored outbox is exactly what the flush wrote), and the relay's pass woken
 * by that commit takes it from {@link takeWritten} instead of reading the outbox back. Marking it
 * published is then the same versioned write, by id and version. A flush inside an outer
 * transaction may still be rolled back, so it is not remembered: the next pass reads the outbox.
 */
export class MikroOrmOutboxStore<T extends Aggregate = Aggregate> implements OutboxStore {
  private loaded = new Map<string, { readonly em: EntityManager; readonly row: T }>();
  private written = new Map<string, Written>();
  /** The version of each row the last read of the outbox found: a commit it found is not handed over too. */
  private found = new Map<string, number>();
  /** Taken aggregates not yet marked published, by id. */
  private taken = new Map<string, Written>();
  /**
   * The ids of the events marked published lately. A writer that read an aggregate before the
   * relay emptied its outbox commits the old events again (and wins, or the relay's write does
   * and reads again): handed over as written, they would be published twice.
   */
  private published = new Set<string>();
  /** Set when a commit could not be remembered: the next woken pass reads the outbox instead. */
  private unknownWrites = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly entity: EntityName<T>,
    readonly type: string,
  ) {
    orm.em.getEventManager().registerSubscriber({ afterFlush: (args) => this.remember(args) });
  }

  async pending(limit: number): Promise<PendingEvents[]> {
    // Everything committed before this read is in what it finds (or was published already).
    this.written = new Map();
    this.unknownWrites = false;
    const em = this.orm.em.fork();
    const rows = await em.find(this.entity, { hasOutbox: true } as never, { limit });
    this.loaded = new Map(rows.map((row) => [row.id, { em, row }]));
    // A commit this read found is published from it, once: not handed over as written too,
    // whether the flush's own notice came before the read returned or after.
    this.found = new Map(rows.map((row) => [row.id, row.version]));
    for (const row of rows) {
      if ((this.written.get(row.id)?.version ?? Infinity) <= row.version) this.written.delete(row.id);
    }
    return rows.map((row) => ({ aggregate: { type: this.type, id: row.id }, events: row.outbox }));
  }

  async peek(limit: number): Promise<PendingEvents[]> {
    const rows = await this.orm.em
      .fork()
      .find(this.entity, { hasOutbox: true } as never, { limit, disableIdentityMap: true });
    return rows.map((row) => ({ aggregate: { type: this.type, id: row.id }, events: row.outbox }));
  }

  takeWritten(limit: number): PendingEvents[] | undefined {
    if (this.unknownWrites) return undefined;
    const taken: PendingEvents[] = [];
    for (const [id, written] of this.written) {
      if (taken.length >= limit) break;
      this.written.delete(id);
      const events = written.events.filter((event) => !this.published.has(event.id));
      if (events.length === 0) continue;
      this.taken.set(id, written);
      taken.push({ aggregate: { type: this.type, id }, events });
    }
    return taken;
  }

  async markPublished(aggregate: PendingEvents['aggregate'], eventIds: readonly string[]): Promise<void> {
    const loaded = this.loaded.get(aggregate.id);
    this.loaded.delete(aggregate.id);
    const taken = this.taken.get(aggregate.id);
    this.taken.delete(aggregate.id);
    for (const id of eventIds) this.published.add(id);
    for (const id of this.published) {
      if (this.published.size <= MAX_PUBLISHED) break;
      this.published.delete(id);
    }
    if (taken && (await this.markTaken(aggregate.id, taken))) return;
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

  /**
   * The write `markPublished` makes on a loaded row, made on the aggregate as it was committed:
   * its outbox without the events published, the next version, if its version is still the one committed.
   * False when it moved on (the aggregate changed since): then it is read again.
   */
  private async markTaken(id: string, taken: Written): Promise<boolean> {
    const outbox = taken.events.filter((event) => !this.published.has(event.id));
    const em = this.orm.em.fork();
    if (isMongo(em)) {
      const changed = await em.nativeUpdate(
        this.entity,
        { id, version: taken.version } as never,
        { outbox, hasOutbox: outbox.length > 0, version: taken.version + 1 } as never,
      );
      return changed === 1;
    }
    // On SQLite the outbox goes as the JSON text it is stored as, so the driver binds it into its
    // prebuilt update (ADR 24) rather than handing the write to the query builder to convert.
    const result = await em
      .getDriver()
      .nativeUpdate(
        this.type,
        { id, version: taken.version },
        { outbox: JSON.stringify(outbox), hasOutbox: outbox.length > 0, version: taken.version + 1 },
        { convertCustomTypes: false },
      );
    return result.affectedRows === 1;
  }

  private remember({ em, uow }: FlushEventArgs): void {
    for (const change of uow.getChangeSets()) {
      if (change.meta.className !== this.type) continue;
      const row = change.entity as Partial<Aggregate>;
      if (row.hasOutbox !== true) continue;
      if (em.isInTransaction() || typeof row.id !== 'string' || typeof row.version !== 'number') {
        this.unknownWrites = true;
        continue;
      }
      const known = this.written.get(row.id);
      if (known && known.version > row.version) continue;
      if ((this.found.get(row.id) ?? 0) >= row.version) continue;
      this.written.set(row.id, { version: row.version, events: [...(row.outbox ?? [])] });
    }
    if (this.written.size > MAX_WRITTEN) {
      this.written = new Map();
      this.unknownWrites = true;
    }
  }
}
