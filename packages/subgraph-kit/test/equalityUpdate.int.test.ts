import { EntitySchema, type MikroORM } from '@mikro-orm/core';
import { tempDir } from '@shelfmark/testing';
import { join } from 'node:path';
import { openDatabase } from '../src';
import type { BoundLibSqlDriver } from '../src/persistence/boundSqlite';
import { Shelf, ShelfSchema } from './support/shelves';

/**
 * On SQLite an update by equality — a flush's versioned write of a changed aggregate, a worker's
 * claim — is a statement the driver builds once per set of columns, without the query builder
 * (boundSqlite.ts); what it writes is the query builder's. Its optimistic lock: singleWriteFlush.int.test.ts.
 */
describe('updates by equality on SQLite', () => {
  const dir = tempDir('shelfmark-versioned-update-');
  let orm: MikroORM;
  let builders: jest.SpyInstance;

  beforeAll(async () => {
    orm = await openDatabase({ driver: 'sqlite', path: join(dir.path, 'shelves.sqlite') }, [
      ShelfSchema,
      TicketSchema,
    ]);
    builders = jest.spyOn(orm.em.getDriver() as unknown as BoundLibSqlDriver, 'createQueryBuilder');
  });
  afterAll(async () => {
    await orm.close(true);
    dir.cleanup();
  });
  const reread = (id: string) => orm.em.fork().findOneOrFail(ShelfSchema, { id });

  it('writes the changed columns (text, JSON, a boolean) and takes the next version', async () => {
    const em = orm.em.fork();
    const shelf = Shelf.of('s1', 'Fiction');
    await em.persist(shelf).flush();
    const event = { id: 'e-1', type: 'shelved', time: new Date('2026-11-30T10:00:00.000Z').toISOString() };
    builders.mockClear();

    shelf.name = 'Fiction A–M';
    Object.assign(shelf, { outbox: [event], hasOutbox: true });
    await em.flush();

    expect(builders).not.toHaveBeenCalled();
    expect(shelf.version).toBe(2);
    const stored = await reread('s1');
    expect(stored).toMatchObject({ name: 'Fiction A–M', hasOutbox: true, version: 2 });
    expect(stored.outbox).toEqual([event]);
  });

  it('writes inside an outer transaction, and is rolled back with it', async () => {
    await orm.em.fork().persist(Shelf.of('s3', 'Drama')).flush();
    builders.mockClear();

    await orm.em.fork().transactional(async (em) => {
      (await em.findOneOrFail(ShelfSchema, { id: 's3' })).name = 'Drama, plays';
      await em.flush();
    });
    expect((await reread('s3')).name).toBe('Drama, plays');
    await expect(
      orm.em.fork().transactional(async (em) => {
        (await em.findOneOrFail(ShelfSchema, { id: 's3' })).name = 'never stored';
        await em.flush();
        throw new Error('the change is given up');
      }),
    ).rejects.toThrow('the change is given up');

    expect(await reread('s3')).toMatchObject({ name: 'Drama, plays', version: 2 });
    expect(builders.mock.calls.every(([, , type]) => type !== 'write')).toBe(true);
  });

  it('builds an update by other columns too, and still moves a versioned row to its next version', async () => {
    await orm.em.fork().persist(Shelf.of('s5', 'Travel')).flush();
    builders.mockClear();

    const changed = await orm.em
      .fork()
      .nativeUpdate(ShelfSchema, { name: 'Travel' }, { name: 'Travel writing' });

    expect(changed).toBe(1);
    expect(builders).not.toHaveBeenCalled();
    expect(await reread('s5')).toMatchObject({ name: 'Travel writing', version: 2 });
  });

  it('takes a version the update sets itself, as the relay does when it marks events published', async () => {
    await orm.em.fork().persist(Shelf.of('s7', 'Maps')).flush();
    builders.mockClear();

    const { affectedRows } = await orm.em
      .getDriver()
      .nativeUpdate<object>(
        'Shelf',
        { id: 's7', version: 1 },
        { outbox: '[]', hasOutbox: false, version: 5 },
        { convertCustomTypes: false },
      );

    expect(affectedRows).toBe(1);
    expect(builders).not.toHaveBeenCalled();
    expect(await reread('s7')).toMatchObject({ name: 'Maps', outbox: [], hasOutbox: false, version: 5 });
  });

  it('claims an unversioned row by equality, and answers how many rows it changed', async () => {
    const em = orm.em.fork();
    await em.persist(Object.assign(new Ticket(), { id: 't1', claim: 0, takenAt: null })).flush();
    builders.mockClear();
    const takenAt = new Date('2026-11-30T10:00:00.000Z');

    const claim = () =>
      orm.em.fork().nativeUpdate(TicketSchema, { id: 't1', claim: 0 }, { claim: 1, takenAt });

    await expect(claim()).resolves.toBe(1);
    await expect(claim()).resolves.toBe(0);
    expect(builders).not.toHaveBeenCalled();
    const stored = await orm.em.fork().findOneOrFail(TicketSchema, { id: 't1' });
    expect(stored).toMatchObject({ claim: 1, takenAt });
  });

  it('leaves other operators to the query builder, which still writes them', async () => {
    await orm.em.fork().persist(Shelf.of('s6', 'Cookery')).flush();
    builders.mockClear();

    const changed = await orm.em
      .fork()
      .nativeUpdate(ShelfSchema, { name: { $in: ['Cookery', 'Baking'] } }, { name: 'Cookery and baking' });

    expect(changed).toBe(1);
    expect(builders).toHaveBeenCalled();
    expect(await reread('s6')).toMatchObject({ name: 'Cookery and baking', version: 2 });
  });
});

/** A row without a version, claimed by equality as the mail dispatcher claims a mail. */
class Ticket {
  id!: string;
  claim!: number;
  takenAt!: Date | null;
}

const TicketSchema = new EntitySchema<Ticket>({
  class: Ticket,
  properties: {
    id: { type: 'string', primary: true },
    claim: { type: 'integer' },
    takenAt: { type: 'Date', nullable: true },
  },
});
