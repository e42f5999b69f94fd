import { EntitySchema, type MikroORM } from '@mikro-orm/core';
import { tempDir } from '@shelfmark/testing';
import { join } from 'node:path';
import { openDatabase } from '../src';

class Note {
  id!: string;
}

const NoteSchema = new EntitySchema<Note>({
  class: Note,
  properties: { id: { type: 'string', primary: true } },
});

/**
 * knex's libsql dialect takes a connection older than 10 s for stale and opens a new one: the
 * durability and locking pragmas (ADR 19) must hold on that one too, not only on the first.
 */
describe('SQLite connection pragmas', () => {
  const dir = tempDir('shelfmark-pragmas-');
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await openDatabase({ driver: 'sqlite', path: join(dir.path, 'notes.sqlite') }, [NoteSchema]);
  });
  afterAll(async () => {
    await orm.close(true);
    dir.cleanup();
  });

  const pragmas = async () => {
    const connection = orm.em.getConnection();
    const one = async (name: string) => {
      const rows: Record<string, unknown>[] = await connection.execute(`pragma ${name}`);
      return Object.values(rows[0]!)[0];
    };
    return {
      journalMode: await one('journal_mode'),
      synchronous: await one('synchronous'),
      busyTimeout: await one('busy_timeout'),
      foreignKeys: await one('foreign_keys'),
    };
  };
  const expected = { journalMode: 'wal', synchronous: 1, busyTimeout: 5000, foreignKeys: 1 };

  it('sets WAL, synchronous = normal, a busy timeout and foreign keys on the first connection', async () => {
    expect(await pragmas()).toEqual(expected);
  });

  it('sets them again on the connection that replaces one the pool took for stale', async () => {
    const now = Date.now();
    // The pool validates a connection by its age: 11 s later it opens a new one.
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 11_000);
    try {
      expect(await pragmas()).toEqual(expected);
    } finally {
      clock.mockRestore();
    }
  });
});
