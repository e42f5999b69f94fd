import { EntitySchema } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/libsql';
import { BoundLibSqlDriver } from '../src/persistence/boundSqlite';

class Note {
  id!: number;
  text!: string;
  at!: Date;
  pinned!: boolean;
  meta!: { tags: string[] };
}
const NoteSchema = new EntitySchema<Note>({
  class: Note,
  properties: {
    id: { type: 'number', primary: true },
    text: { type: 'text' },
    at: { type: 'Date' },
    pinned: { type: 'boolean' },
    meta: { type: 'json' },
  },
});

describe('the SQLite connection binds values (issue 8, defect 3)', () => {
  let orm: MikroORM;
  /** Every statement knex handed to SQLite. */
  const statements: string[] = [];

  beforeAll(async () => {
    orm = await MikroORM.init({
      entities: [NoteSchema],
      dbName: ':memory:',
      driver: BoundLibSqlDriver,
      allowGlobalContext: false,
    });
    orm.em
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => statements.push(query.sql));
    await orm.getSchemaGenerator().createSchema();
  });
  afterAll(() => orm.close(true));

  const hostile = `it's ? ?? \\ %_ '); drop table note; -- 书 😀\n\t`;

  it('regression: values reach SQLite bound, never inlined into the statement', async () => {
    const at = new Date('2026-11-29T12:34:56.789Z');
    const em = orm.em.fork();
    em.create(NoteSchema, { id: 1, text: hostile, at, pinned: true, meta: { tags: [hostile, 'b'] } });
    em.create(NoteSchema, { id: 2, text: 'plain', at, pinned: false, meta: { tags: [] } });
    await em.flush();

    const read = orm.em.fork();
    const found = await read.find(NoteSchema, { text: hostile, pinned: true, at, id: { $in: [1, 2, 3] } });
    expect(found.map((note) => ({ ...note }))).toEqual([
      { id: 1, text: hostile, at, pinned: true, meta: { tags: [hostile, 'b'] } },
    ]);
    expect(await read.count(NoteSchema, { text: { $like: '%drop table%' } })).toBe(1);
    await read.nativeUpdate(NoteSchema, { id: 2 }, { text: hostile });
    expect(await orm.em.fork().count(NoteSchema, { text: hostile })).toBe(2);

    const withValues = statements.filter((sql) => /drop table note|2026|plain/.test(sql));
    expect(withValues).toEqual([]);
    expect(statements.some((sql) => /insert into `note` .* values \(\?, \?, \?, \?, \?\)/.test(sql))).toBe(
      true,
    );
  });

  it('regression: a NUL byte never cuts a statement: it is refused before SQLite, nothing half-stored', async () => {
    // MikroORM wraps what the connection throws (UnstorableText) in its DriverException.
    const refused = /NUL character cannot be stored in SQLite/;
    const em = orm.em.fork();
    em.create(NoteSchema, {
      id: 3,
      text: 'before\u0000after',
      at: new Date(),
      pinned: false,
      meta: { tags: [] },
    });
    await expect(em.flush()).rejects.toThrow(refused);
    await expect(orm.em.fork().find(NoteSchema, { text: 'a\u0000' })).rejects.toThrow(refused);
    expect(await orm.em.fork().count(NoteSchema, { id: 3 })).toBe(0);
  });
});
