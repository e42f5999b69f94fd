import type { MikroORM } from '@mikro-orm/core';
import { tempDir } from '@shelfmark/testing';
import Database from 'libsql';
import { join } from 'node:path';
import { DatabaseWrites, openDatabase, reuseStatements } from '../src';
import { Shelf, ShelfSchema } from './support/shelves';

/**
 * Each SQLite connection keeps its prepared statements (the same SQL text, the same statement)
 * and counts its database's writes, which tell the router's answer cache when a kept answer is no
 * longer current (sqliteConnection.ts; docs/adr/0022-answer-cache.md).
 */
describe('SQLite connections: statements kept, writes counted', () => {
  const dir = tempDir('shelfmark-sqlite-connection-');
  afterAll(() => dir.cleanup());

  it('gives the same statement for the same SQL, which runs right with new values, also after a failure', () => {
    const connection = new Database(':memory:');
    reuseStatements(connection, undefined);
    connection.exec('create table shelf (id integer primary key, name text unique)');
    const insert = connection.prepare('insert into shelf (name) values (?)');
    expect(connection.prepare('insert into shelf (name) values (?)')).toBe(insert);
    insert.run(['Fiction']);
    expect(() => connection.prepare('insert into shelf (name) values (?)').run(['Fiction'])).toThrow(
      /UNIQUE/,
    );
    connection.prepare('insert into shelf (name) values (?)').run(['Poetry']);
    const select = connection.prepare('select name from shelf where name > ? order by name');
    expect(select.all([''])).toEqual([{ name: 'Fiction' }, { name: 'Poetry' }]);
    expect(connection.prepare('select name from shelf where name > ? order by name').all(['G'])).toEqual([
      { name: 'Poetry' },
    ]);
    connection.close();
  });

  it('keeps at most its capacity of statements, the least recently used going first', () => {
    const connection = new Database(':memory:');
    reuseStatements(connection, undefined, 2);
    const one = connection.prepare('select 1');
    const two = connection.prepare('select 2');
    expect(connection.prepare('select 1')).toBe(one);
    connection.prepare('select 3');
    expect(connection.prepare('select 1')).toBe(one);
    expect(connection.prepare('select 2')).not.toBe(two);
    connection.close();
  });

  it('counts every statement that may write, and no select', () => {
    const connection = new Database(':memory:');
    const writes = new DatabaseWrites();
    reuseStatements(connection, writes);
    connection.exec('create table shelf (id integer primary key, name text unique)');
    const created = writes.generation;
    expect(created).toBeGreaterThan(0);
    connection.prepare('select * from shelf').all([]);
    connection.prepare('  SELECT count(*) from shelf').get([]);
    expect(writes.generation).toBe(created);
    connection.prepare('insert into shelf (name) values (?)').run(['Fiction']);
    expect(writes.generation).toBe(created + 1);
    connection.prepare('insert into shelf (name) values (?) returning id').all(['Poetry']);
    expect(writes.generation).toBe(created + 2);
    // A failed write counts too: it may have been part of a transaction that then commits.
    expect(() => connection.prepare('insert into shelf (name) values (?)').run(['Poetry'])).toThrow();
    expect(writes.generation).toBe(created + 3);
    connection.prepare('delete from shelf where name = ?').run(['Poetry']);
    expect(writes.generation).toBe(created + 4);
    connection.close();
  });

  describe('a subgraph database opened with a write count', () => {
    let orm: MikroORM;
    const writes = new DatabaseWrites();

    beforeAll(async () => {
      orm = await openDatabase({ driver: 'sqlite', path: join(dir.path, 'shelves.sqlite') }, [ShelfSchema], {
        writes,
      });
    });
    afterAll(() => orm.close(true));

    it('counts a flush and a transaction’s commit, and not a read', async () => {
      const start = writes.generation;
      await orm.em.fork().persist(Shelf.of('s1', 'Fiction')).flush();
      const afterInsert = writes.generation;
      expect(afterInsert).toBeGreaterThan(start);

      await orm.em.fork().find(ShelfSchema, {});
      await orm.em.fork().findOne(ShelfSchema, { id: 's1' });
      expect(writes.generation).toBe(afterInsert);

      // Two rows: one transaction — BEGIN, one insert of both rows, COMMIT — each counted.
      await orm.em
        .fork()
        .persist([Shelf.of('s2', 'Poetry'), Shelf.of('s3', 'Drama')])
        .flush();
      expect(writes.generation).toBe(afterInsert + 3);
      expect((await orm.em.fork().find(ShelfSchema, {})).map((shelf) => shelf.id).sort()).toEqual([
        's1',
        's2',
        's3',
      ]);
    });
  });
});
