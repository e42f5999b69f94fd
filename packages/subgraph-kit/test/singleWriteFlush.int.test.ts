import { OptimisticLockError, type MikroORM } from '@mikro-orm/core';
import { tempDir } from '@shelfmark/testing';
import { join } from 'node:path';
import { openDatabase } from '../src';
import type { BoundLibSqlConnection } from '../src/persistence/boundSqlite';
import { Shelf, ShelfSchema } from './support/shelves';

/**
 * SQLite flushes that write one row run without BEGIN/COMMIT (one statement is atomic, and the
 * versioned update checks its own lock); a flush of several rows keeps its transaction.
 */
describe('SQLite flushes of one row', () => {
  const dir = tempDir('shelfmark-single-write-');
  let orm: MikroORM;
  let began: jest.SpyInstance;

  beforeAll(async () => {
    orm = await openDatabase({ driver: 'sqlite', path: join(dir.path, 'shelves.sqlite') }, [ShelfSchema]);
    began = jest.spyOn(orm.em.getConnection() as unknown as BoundLibSqlConnection, 'begin');
  });
  afterAll(async () => {
    await orm.close(true);
    dir.cleanup();
  });
  beforeEach(() => began.mockClear());

  it('inserts and updates one row without a transaction, its optimistic lock still checked', async () => {
    const em = orm.em.fork();
    const shelf = Shelf.of('s1', 'Fiction');
    await em.persist(shelf).flush();
    shelf.name = 'Fiction A–M';
    await em.flush();
    expect(began).not.toHaveBeenCalled();
    expect((await orm.em.fork().findOneOrFail(ShelfSchema, { id: 's1' })).name).toBe('Fiction A–M');

    const stale = await orm.em.fork().findOneOrFail(ShelfSchema, { id: 's1' });
    const current = orm.em.fork();
    (await current.findOneOrFail(ShelfSchema, { id: 's1' })).name = 'Fiction A–F';
    await current.flush();
    stale.name = 'lost';
    await expect(orm.em.fork().persist(stale).flush()).rejects.toBeInstanceOf(OptimisticLockError);
    expect((await orm.em.fork().findOneOrFail(ShelfSchema, { id: 's1' })).name).toBe('Fiction A–F');
  });

  it('writes several rows in one transaction: all or nothing', async () => {
    await orm.em
      .fork()
      .persist([Shelf.of('s2', 'Poetry'), Shelf.of('s3', 'Drama')])
      .flush();
    expect(began).toHaveBeenCalledTimes(1);
    // The second row's insert fails (its id is taken): the first is not stored either.
    await expect(
      orm.em
        .fork()
        .persist([Shelf.of('s4', 'History'), Shelf.of('s2', 'Taken')])
        .flush(),
    ).rejects.toThrow();
    expect(await orm.em.fork().findOne(ShelfSchema, { id: 's4' })).toBeNull();
  });
});
