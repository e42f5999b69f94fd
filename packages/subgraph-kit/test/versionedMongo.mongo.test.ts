import { EntitySchema, OptimisticLockError, type MikroORM } from '@mikro-orm/core';
import type { MongoConnection } from '@mikro-orm/mongodb';
import { AggregateRoot } from '@shelfmark/events';
import { testDatabase } from '@shelfmark/testing';
import { AggregateRootSchema, openDatabase } from '../src';

/**
 * On MongoDB a flush's insert or versioned update answers the aggregate's new version itself
 * (versionedMongo.ts, ADR 25): no document is read back for it, and the optimistic lock holds.
 */

class Shelf extends AggregateRoot {
  id!: string;
  books = 0;

  static open(id: string): Shelf {
    const shelf = new Shelf();
    shelf.id = id;
    return shelf;
  }
}

const ShelfSchema = new EntitySchema<Shelf, AggregateRoot>({
  class: Shelf,
  extends: AggregateRootSchema,
  properties: { id: { type: 'string', primary: true }, books: { type: 'integer' } },
});

describe('MongoDB writes that answer their version', () => {
  const database = testDatabase('versioned');
  let orm: MikroORM;
  /** Every read the driver is asked for, by collection and filter. */
  let reads: unknown[];

  beforeEach(async () => {
    orm = await openDatabase(database.config, [ShelfSchema]);
    await orm.getSchemaGenerator().clearDatabase();
    reads = [];
    const driver = orm.em.getDriver();
    const find = driver.find.bind(driver);
    jest.spyOn(driver, 'find').mockImplementation((entity, where, options) => {
      reads.push([entity, where]);
      return find(entity, where, options);
    });
  });
  afterEach(() => orm.close());
  afterAll(() => database.drop([ShelfSchema]));

  const stored = async (id: string) =>
    (await (orm.em.getConnection() as unknown as MongoConnection)
      .getDb()
      .collection('shelf')
      .findOne({ _id: id as never }))!;

  it('inserts and updates without reading the document back, the versions as stored', async () => {
    const em = orm.em.fork();
    const shelf = Shelf.open('s1');
    await em.persist(shelf).flush();
    expect(shelf.version).toBe(1);

    shelf.books = 1;
    await em.flush();
    shelf.books = 2;
    await em.flush();

    expect(reads).toEqual([]);
    expect(shelf.version).toBe(3);
    expect(await stored('s1')).toMatchObject({ books: 2, version: 3 });
  });

  it('gives several new aggregates of one flush their versions without a read', async () => {
    const em = orm.em.fork();
    const shelves = ['a', 'b', 'c'].map((id) => Shelf.open(id));
    await em.persist(shelves).flush();
    for (const shelf of shelves) shelf.books = 5;
    await em.flush();

    expect(reads).toEqual([]);
    expect(shelves.map((shelf) => shelf.version)).toEqual([2, 2, 2]);
    expect((await stored('b'))['version']).toBe(2);
  });

  it('still refuses a write over a version another writer moved on', async () => {
    await orm.em.fork().persist(Shelf.open('s2')).flush();
    const first = orm.em.fork();
    const second = orm.em.fork();
    const mine = await first.findOneOrFail(ShelfSchema, { id: 's2' });
    const theirs = await second.findOneOrFail(ShelfSchema, { id: 's2' });
    theirs.books = 7;
    await second.flush();

    mine.books = 1;
    await expect(first.flush()).rejects.toBeInstanceOf(OptimisticLockError);
    expect(await stored('s2')).toMatchObject({ books: 7, version: 2 });
  });

  it('leaves an update that names no version to the server to count', async () => {
    await orm.em.fork().persist(Shelf.open('s3')).flush();
    await orm.em.fork().nativeUpdate(ShelfSchema, { id: 's3' }, { books: 4 });
    await orm.em.fork().nativeUpdate(ShelfSchema, { id: 's3', version: 2 }, { books: 5 });

    expect(await stored('s3')).toMatchObject({ books: 5, version: 3 });
  });
});
