import { EntitySchema, OptimisticLockError, type MikroORM } from '@mikro-orm/core';
import type { MongoConnection } from '@mikro-orm/mongodb';
import { catalogueSubgraph } from '@shelfmark/catalogue';
import { AggregateRoot, type ShelfmarkEvent } from '@shelfmark/events';
import { membersSubgraph } from '@shelfmark/members';
import { errorCode, startTestSubgraph, testDatabase, type TestSubgraph } from '@shelfmark/testing';
import { randomUUID } from 'node:crypto';
import { AggregateRootSchema, openDatabase } from '../src';

/**
 * docs/design.md §3 on MongoDB without multi-document transactions (the test server has none): the
 * effect of an event and the record that it was applied are one single-document write, so an
 * event redelivered after a crash changes nothing; and the app's unique indexes exist.
 */

/** A read model that counts the events it applied, remembering their ids in its own document. */
class Tally extends AggregateRoot {
  id!: string;
  count = 0;

  static open(id: string): Tally {
    const tally = new Tally();
    tally.id = id;
    return tally;
  }

  /** Applies an event once; false when this document has already applied it. */
  apply(eventId: string): boolean {
    if (this.hasHandled(eventId)) return false;
    this.count += 1;
    this.markHandled(eventId);
    return true;
  }
}

const TallySchema = new EntitySchema<Tally, AggregateRoot>({
  class: Tally,
  extends: AggregateRootSchema,
  properties: { id: { type: 'string', primary: true }, count: { type: 'integer' } },
});

const mongoDb = (orm: MikroORM) => (orm.em.getConnection() as unknown as MongoConnection).getDb();

describe('exactly-once effects on MongoDB, without transactions', () => {
  const database = testDatabase('effects');
  let orm: MikroORM;

  beforeEach(async () => {
    orm = await openDatabase(database.config, [TallySchema]);
    await orm.getSchemaGenerator().clearDatabase();
    await orm.em.fork().persist(Tally.open('t1')).flush();
  });
  afterEach(() => orm.close());
  afterAll(() => database.drop([TallySchema]));

  /** What a consumer does per delivery: a fresh unit of work, apply, one write. */
  const consume = async (eventId: string) => {
    const em = orm.em.fork();
    const tally = await em.findOneOrFail(TallySchema, { id: 't1' });
    tally.apply(eventId);
    await em.flush();
  };
  const stored = async () => {
    const doc = await mongoDb(orm)
      .collection('tally')
      .findOne({ _id: 't1' as never });
    return { count: doc?.count as number, version: doc?.version as number, handled: doc?.handledEvents };
  };

  it('stores the aggregate as one document keyed by its id, effect and inbox together', async () => {
    await consume('e1');
    expect(
      await mongoDb(orm)
        .collection('tally')
        .findOne({ _id: 't1' as never }),
    ).toMatchObject({
      _id: 't1',
      count: 1,
      handledEvents: ['e1'],
      outbox: [],
      hasOutbox: false,
      version: 2,
    });
  });

  it('changes nothing when an event is redelivered after a crash that lost the acknowledgement', async () => {
    await consume('e1');
    const before = await stored();
    // The process dies after its write and before the bus learnt of it; the bus redelivers.
    await orm.close(true);
    orm = await openDatabase(database.config, [TallySchema]);
    await consume('e1');
    await consume('e1');
    expect(await stored()).toEqual(before);
    expect(before).toEqual({ count: 1, version: 2, handled: ['e1'] });
  });

  it('applies a redelivery racing the first delivery once: the version filter refuses the loser', async () => {
    const first = orm.em.fork();
    const second = orm.em.fork();
    const [a, b] = await Promise.all([
      first.findOneOrFail(TallySchema, { id: 't1' }),
      second.findOneOrFail(TallySchema, { id: 't1' }),
    ]);
    a.apply('e1');
    b.apply('e1');
    const results = await Promise.allSettled([first.flush(), second.flush()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(OptimisticLockError);
    // The bus retries the loser: it now sees the event as handled.
    await consume('e1');
    expect(await stored()).toEqual({ count: 1, version: 2, handled: ['e1'] });
  });
});

describe('the members subgraph on MongoDB: a redelivered member-registered after a crash', () => {
  let t: TestSubgraph;

  beforeAll(async () => {
    t = await startTestSubgraph(membersSubgraph({ initialPoints: 30, tokenTtlSeconds: 3600 }));
  });
  afterAll(() => t.stop());

  it('issues no second card and publishes no second member-card-issued', async () => {
    const res = await t.request<{ registerMember: { member: { id: string } } }>(
      /* GraphQL */ `
        mutation Register($input: RegisterMemberInput!) {
          registerMember(input: $input) {
            member {
              id
            }
          }
        }
      `,
      { input: { email: 'crash@library.test', password: 'a long enough password', name: 'Crash' } },
    );
    expect(res.errors).toBeUndefined();
    const memberId = res.data!.registerMember.member.id;
    await t.flush();
    const member = () =>
      mongoDb(t.subgraph.orm)
        .collection('member')
        .findOne({ _id: memberId as never });
    const before = await member();
    expect(before?.card).toMatchObject({ number: expect.stringMatching(/^SM-\d{8}$/) });
    const registration = t.published.find(
      (e): e is ShelfmarkEvent<'shelfmark.members.member-registered.v1'> =>
        e.type === 'shelfmark.members.member-registered.v1' && e.subject === memberId,
    )!;

    // The card was issued and stored; the process died before the bus acknowledged the event.
    await t.restart();
    await t.deliver(registration);
    await t.flush();

    const after = await member();
    expect(after).toEqual(before);
    expect(after?.handledEvents).toEqual([registration.id]);
    const issued = t.published.filter(
      (e) => e.type === 'shelfmark.members.member-card-issued.v1' && e.subject === memberId,
    );
    expect(new Set(issued.map((e) => e.id)).size).toBe(1);
    expect(t.deadLetters.letters).toEqual([]);
  });

  it('keeps members without a card out of the unique index on card numbers', async () => {
    const indexes = await mongoDb(t.subgraph.orm).collection('member').listIndexes().toArray();
    expect(indexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: { email: 1 }, unique: true }),
        expect.objectContaining({ key: { 'card.number': 1 }, unique: true, sparse: true }),
      ]),
    );
    const db = mongoDb(t.subgraph.orm);
    await db.collection('member').insertMany([
      { _id: randomUUID() as never, email: 'no-card-1@library.test', card: null },
      { _id: randomUUID() as never, email: 'no-card-2@library.test', card: null },
    ]);
    await expect(
      db.collection('member').insertMany([
        { _id: randomUUID() as never, email: 'card-1@library.test', card: { number: 'SM-99999999' } },
        { _id: randomUUID() as never, email: 'card-2@library.test', card: { number: 'SM-99999999' } },
      ]),
    ).rejects.toMatchObject({ code: 11000 });
  });
});

describe('the catalogue subgraph on MongoDB: one ISBN, one book', () => {
  let t: TestSubgraph;
  let librarian: string;

  beforeAll(async () => {
    t = await startTestSubgraph(catalogueSubgraph());
    librarian = await t.tokenFor({ memberId: 'lib-1', role: 'LIBRARIAN' });
  });
  afterAll(() => t.stop());

  const addBook = (isbn: string, title: string) =>
    t.request<{ addBook: { id: string } }>(
      /* GraphQL */ `
        mutation AddBook($input: AddBookInput!) {
          addBook(input: $input) {
            id
          }
        }
      `,
      { input: { isbn, title, authors: ['Someone'] } },
      { token: librarian },
    );
  const books = () => mongoDb(t.subgraph.orm).collection('book');

  it('has a unique index on isbn, created at start-up', async () => {
    expect(await books().listIndexes().toArray()).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: { isbn: 1 }, unique: true })]),
    );
  });

  it('refuses a duplicate ISBN with ALREADY_EXISTS and keeps one book', async () => {
    expect((await addBook('9780141439518', 'Pride and Prejudice')).errors).toBeUndefined();
    const dup = await addBook('978-0-14-143951-8', 'P&P');
    expect(errorCode(dup)).toBe('ALREADY_EXISTS');
    expect(await books().countDocuments({ isbn: '9780141439518' })).toBe(1);
  });

  it('lets the index settle librarians adding the same ISBN at once', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => addBook('9780141439587', 'Emma')));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(5).fill('ALREADY_EXISTS'));
    expect(await books().countDocuments({ isbn: '9780141439587' })).toBe(1);
  });

  it('refuses at the database a second document with a stored ISBN', async () => {
    await expect(
      books().insertOne({ _id: randomUUID() as never, isbn: '9780141439518' }),
    ).rejects.toMatchObject({ code: 11000 });
  });
});
