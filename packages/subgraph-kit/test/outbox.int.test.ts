import { testDatabase } from '@shelfmark/testing';
import { OptimisticLockError, type MikroORM } from '@mikro-orm/core';
import { OutboxRelay } from '@shelfmark/events';
import { MikroOrmOutboxStore, openDatabase } from '../src';
import { RecordingBus, Shelf, ShelfSchema } from './support/recordingShelves';

const database = testDatabase('outbox');

describe(`the in-aggregate outbox on ${database.driverName}`, () => {
  let orm: MikroORM;
  let bus: RecordingBus;
  let relay: OutboxRelay;

  beforeEach(async () => {
    orm = await openDatabase(database.config, [ShelfSchema]);
    await orm.getSchemaGenerator().clearDatabase();
    bus = new RecordingBus();
    relay = new OutboxRelay([new MikroOrmOutboxStore(orm, ShelfSchema, 'Shelf')], bus);
  });
  afterEach(() => orm.close());
  afterAll(() => database.drop([ShelfSchema]));

  const pendingIn = async (id: string) =>
    (await orm.em.fork().findOneOrFail(ShelfSchema, { id })).outbox.length;

  it('commits the state change and its event in one write, then publishes and forgets it', async () => {
    await orm.em.fork().persist(Shelf.create('s1', 'A')).flush();
    expect(await pendingIn('s1')).toBe(1);
    await relay.drain();
    expect(bus.published.map((e) => e.subject)).toEqual(['s1']);
    expect(await pendingIn('s1')).toBe(0);
    await relay.drain();
    expect(bus.published).toHaveLength(1);
  });

  it('keeps the event while the bus is down and publishes it once when it is back', async () => {
    await orm.em.fork().persist(Shelf.create('s1', 'A')).flush();
    bus.failNext = 1;
    await expect(relay.publishOnce()).rejects.toThrow('broker unavailable');
    expect(await pendingIn('s1')).toBe(1);
    await relay.drain();
    expect(bus.published.map((e) => e.subject)).toEqual(['s1']);
  });

  it('publishes nothing for a change that did not commit', async () => {
    await orm.em.fork().persist(Shelf.create('s1', 'taken')).flush();
    await relay.drain();
    const em = orm.em.fork();
    await expect(em.persist(Shelf.create('s2', 'taken')).flush()).rejects.toThrow();
    await relay.drain();
    expect(bus.published.map((e) => e.subject)).toEqual(['s1']);
  });

  it('survives a crash after the database commit: the event is published after restart', async () => {
    await orm.em.fork().persist(Shelf.create('s1', 'A')).flush();
    await orm.close(); // the process dies before its relay ran
    orm = await openDatabase(database.config, [ShelfSchema]);
    relay = new OutboxRelay([new MikroOrmOutboxStore(orm, ShelfSchema, 'Shelf')], bus);
    await relay.drain();
    expect(bus.published.map((e) => e.subject)).toEqual(['s1']);
  });

  it('does not lose an event recorded while the relay was publishing older ones', async () => {
    await orm.em.fork().persist(Shelf.create('s1', 'A')).flush();
    const store = new MikroOrmOutboxStore(orm, ShelfSchema, 'Shelf');
    const [pending] = await store.pending(10);
    // Meanwhile a request changes the shelf and records a second event.
    const em = orm.em.fork();
    (await em.findOneOrFail(ShelfSchema, { id: 's1' })).relabel('B');
    await em.flush();
    await store.markPublished(
      pending!.aggregate,
      pending!.events.map((e) => e.id),
    );
    const outbox = (await orm.em.fork().findOneOrFail(ShelfSchema, { id: 's1' })).outbox;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ data: { title: 'B' } });
  });

  it('lets only one of two concurrent writers of an aggregate win (optimistic lock)', async () => {
    await orm.em.fork().persist(Shelf.create('s1', 'A')).flush();
    const first = orm.em.fork();
    const second = orm.em.fork();
    (await first.findOneOrFail(ShelfSchema, { id: 's1' })).relabel('B');
    (await second.findOneOrFail(ShelfSchema, { id: 's1' })).relabel('C');
    await first.flush();
    await expect(second.flush()).rejects.toBeInstanceOf(OptimisticLockError);
    const shelf = await orm.em.fork().findOneOrFail(ShelfSchema, { id: 's1' });
    expect(shelf.label).toBe('B');
    expect(shelf.outbox.map((e) => (e.data as { title: string }).title)).toEqual(['A', 'B']);
  });
});
