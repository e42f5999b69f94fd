import { OptimisticLockError, type MikroORM } from '@mikro-orm/core';
import { tempDir } from '@shelfmark/testing';
import { join } from 'node:path';
import { openDatabase } from '../src';
import type { BoundLibSqlDriver } from '../src/persistence/boundSqlite';
import { Shelf, ShelfSchema } from './support/shelves';

/**
 * On SQLite a flush writes a changed aggregate with a versioned update the driver builds once per
 * set of changed columns, without the query builder (boundSqlite.ts); what it writes, and its
 * optimistic lock, are the query builder's.
 */
describe('the versioned update of a changed aggregate on SQLite', () => {
  const dir = tempDir('shelfmark-versioned-update-');
  let orm: MikroORM;
  let builders: jest.SpyInstance;

  beforeAll(async () => {
    orm = await openDatabase({ driver: 'sqlite', path: join(dir.path, 'shelves.sqlite') }, [ShelfSchema]);
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

  it('keeps the optimistic lock: a write from a stale read fails and changes nothing', async () => {
    await orm.em.fork().persist(Shelf.of('s2', 'Poetry')).flush();
    const stale = await orm.em.fork().findOneOrFail(ShelfSchema, { id: 's2' });
    const current = orm.em.fork();
    (await current.findOneOrFail(ShelfSchema, { id: 's2' })).name = 'Poetry and verse';
    await current.flush();

    stale.name = 'lost';
    await expect(orm.em.fork().persist(stale).flush()).rejects.toBeInstanceOf(OptimisticLockError);
    expect(await reread('s2')).toMatchObject({ name: 'Poetry and verse', version: 2 });
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

  it('leaves other updates to the query builder, which still writes them', async () => {
    await orm.em.fork().persist(Shelf.of('s5', 'Travel')).flush();
    builders.mockClear();

    const changed = await orm.em
      .fork()
      .nativeUpdate(ShelfSchema, { name: 'Travel' }, { name: 'Travel writing' });

    expect(changed).toBe(1);
    expect(builders).toHaveBeenCalled();
    expect((await reread('s5')).name).toBe('Travel writing');
  });
});
