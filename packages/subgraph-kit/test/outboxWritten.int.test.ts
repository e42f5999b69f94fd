import { testDatabase, tempDir } from '@shelfmark/testing';
import { EventType, type MikroORM } from '@mikro-orm/core';
import { OutboxRelay } from '@shelfmark/events';
import { join } from 'node:path';
import { MikroOrmOutboxStore, openDatabase, type DatabaseConfig } from '../src';
import { RecordingBus, Shelf, ShelfSchema, titles } from './support/recordingShelves';

/**
 * The outbox store remembers what this process committed with events, so the relay's pass woken
 * by a commit publishes it as committed instead of reading the outbox back.
 */
function writtenOutboxSuite(driverName: string, config: () => DatabaseConfig, drop: () => Promise<void>) {
  describe(`the outbox of what this process just committed, on ${driverName}`, () => {
    let orm: MikroORM;
    let store: MikroOrmOutboxStore<Shelf>;
    let bus: RecordingBus;
    let relay: OutboxRelay;
    let reads: jest.SpyInstance;

    beforeEach(async () => {
      orm = await openDatabase(config(), [ShelfSchema]);
      await orm.getSchemaGenerator().clearDatabase();
      store = new MikroOrmOutboxStore(orm, ShelfSchema, 'Shelf');
      reads = jest.spyOn(store, 'pending');
      bus = new RecordingBus();
      relay = new OutboxRelay([store], bus);
    });
    afterEach(() => orm.close());
    afterAll(drop);

    const stored = (id: string) => orm.em.fork().findOneOrFail(ShelfSchema, { id });

    it('publishes a commit on the pass it woke without reading the outbox, and empties that outbox', async () => {
      await orm.em.fork().persist(Shelf.create('s1', 'A')).flush();
      const em = orm.em.fork();
      (await em.findOneOrFail(ShelfSchema, { id: 's1' })).relabel('B');
      await em.flush();

      relay.wake(['Shelf']);
      await relay.publishWoken();

      expect(titles(bus.published)).toEqual(['A', 'B']);
      expect(reads).not.toHaveBeenCalled();
      const shelf = await stored('s1');
      expect(shelf.outbox).toEqual([]);
      expect(shelf.hasOutbox).toBe(false);
      // Handed over once: the next woken pass has nothing more to publish.
      relay.wake(['Shelf']);
      await relay.publishWoken();
      expect(bus.published).toHaveLength(2);
    });

    it('keeps what was written for the woken pass while the backlog is read for metrics', async () => {
      await orm.em.fork().persist(Shelf.create('s1', 'A')).flush();
      expect((await relay.backlog())[0]).toMatchObject({ aggregate: 'Shelf', pending: 1 });

      relay.wake(['Shelf']);
      await relay.publishWoken();
      expect(titles(bus.published)).toEqual(['A']);
      expect(reads).not.toHaveBeenCalled();
    });

    it('keeps an event recorded after the commit it took: that write wins, the aggregate is read again', async () => {
      await orm.em.fork().persist(Shelf.create('s1', 'A')).flush();
      const [taken] = store.takeWritten(10)!;
      // A request changes the shelf before the relay marks its first event published.
      const em = orm.em.fork();
      (await em.findOneOrFail(ShelfSchema, { id: 's1' })).relabel('B');
      await em.flush();

      await store.markPublished(
        taken!.aggregate,
        taken!.events.map((e) => e.id),
      );

      expect(titles((await stored('s1')).outbox)).toEqual(['B']);
    });

    it('reads the outbox once for what it finds: a commit it already found is not handed over again', async () => {
      await orm.em.fork().persist(Shelf.create('s1', 'A')).flush();
      await relay.publishOnce();
      relay.wake(['Shelf']);
      await relay.publishWoken();
      expect(titles(bus.published)).toEqual(['A']);
    });

    it('does not publish again an event that a writer committed anew after the relay published it', async () => {
      await orm.em.fork().persist(Shelf.create('s1', 'A')).flush();
      const [found] = await store.pending(10);
      // A writer read the shelf (and its event A) before the relay marks A published, and wins.
      const writer = orm.em.fork();
      (await writer.findOneOrFail(ShelfSchema, { id: 's1' })).label = 'A, moved';
      await writer.flush();
      await store.markPublished(
        found!.aggregate,
        found!.events.map((e) => e.id),
      );

      relay.wake(['Shelf']);
      await relay.publishWoken();
      expect(bus.published).toEqual([]);
      expect((await stored('s1')).outbox).toEqual([]);
    });

    it('does not hand over a commit that a read of the outbox found before the flush told of it', async () => {
      // Another unit of work commits; its flush's notice reaches the store only after the relay's
      // read of the outbox has found (and published) that very commit.
      const writer = await openDatabase(config(), [ShelfSchema]);
      const shelf = Shelf.create('s1', 'A');
      try {
        await writer.em.fork().persist(shelf).flush();
      } finally {
        await writer.close();
      }
      await relay.publishOnce();
      const uow = { getChangeSets: () => [{ type: 'create', meta: { className: 'Shelf' }, entity: shelf }] };
      await orm.em.getEventManager().dispatchEvent(EventType.afterFlush, { em: orm.em.fork(), uow } as never);

      relay.wake(['Shelf']);
      await relay.publishWoken();
      expect(titles(bus.published)).toEqual(['A']);
    });
  });
}

const database = testDatabase('outbox-written');
writtenOutboxSuite(
  database.driverName,
  () => database.config,
  () => database.drop([ShelfSchema]),
);

/** Transactions: SQLite's (the embedded shape's); MongoDB here has none (ADR 8). */
describe('the outbox of a commit inside a transaction, on SQLite', () => {
  const dir = tempDir('shelfmark-outbox-written-');
  let orm: MikroORM;
  let store: MikroOrmOutboxStore<Shelf>;
  let bus: RecordingBus;
  let relay: OutboxRelay;

  beforeEach(async () => {
    orm = await openDatabase({ driver: 'sqlite', path: join(dir.path, 'shelves.sqlite') }, [ShelfSchema]);
    await orm.getSchemaGenerator().clearDatabase();
    store = new MikroOrmOutboxStore(orm, ShelfSchema, 'Shelf');
    bus = new RecordingBus();
    relay = new OutboxRelay([store], bus);
  });
  afterEach(() => orm.close(true));
  afterAll(() => dir.cleanup());

  it('is not taken as written while the transaction may still roll back: the pass reads the outbox', async () => {
    await orm.em.fork().transactional(async (em) => {
      em.persist(Shelf.create('s1', 'kept'));
      await em.flush();
    });
    await expect(
      orm.em.fork().transactional(async (em) => {
        em.persist(Shelf.create('s2', 'rolled back'));
        await em.flush();
        throw new Error('the rest of the transaction failed');
      }),
    ).rejects.toThrow('the rest of the transaction failed');

    expect(store.takeWritten(10)).toBeUndefined();
    relay.wake(['Shelf']);
    await relay.publishWoken();
    expect(titles(bus.published)).toEqual(['kept']);
  });
});
