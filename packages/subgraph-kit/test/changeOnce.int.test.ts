import { testDatabase } from '@shelfmark/testing';
import { EntitySchema, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { ConcurrentChange } from '@shelfmark/errors';
import { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema, byIdIn, changeOnce, CONFLICT_RETRY, openDatabase } from '../src';

/** A minimal aggregate: a counter that remembers the events it counted. */
class Tally extends AggregateRoot {
  id!: string;
  count = 0;

  static of(id: string): Tally {
    return Object.assign(new Tally(), { id });
  }
}

const TallySchema = new EntitySchema<Tally, AggregateRoot>({
  class: Tally,
  extends: AggregateRootSchema,
  properties: { id: { type: 'string', primary: true }, count: { type: 'integer' } },
});

/** The tallies over one unit of work, as a subgraph's repository would be. */
class Tallies {
  constructor(readonly em: EntityManager) {}
  byId(id: string): Promise<Tally | null> {
    return this.em.findOne(TallySchema, { id });
  }
  async save(tally: Tally): Promise<void> {
    await this.em.persist(tally).flush();
  }
}

const database = testDatabase('change-once');

describe(`changeOnce on ${database.driverName}`, () => {
  let orm: MikroORM;
  let opened: number;
  const fresh = () => ((opened += 1), new Tallies(orm.em.fork()));
  const stored = async () => await orm.em.fork().findOneOrFail(TallySchema, { id: 't1' });
  /** Another writer: adds one to the tally in a unit of work of its own. */
  const bumpElsewhere = async () => {
    const em = orm.em.fork();
    (await em.findOneOrFail(TallySchema, { id: 't1' })).count += 1;
    await em.flush();
  };
  const addOne = (tally: Tally) => ((tally.count += 1), true);

  beforeEach(async () => {
    orm = await openDatabase(database.config, [TallySchema]);
    await orm.getSchemaGenerator().clearDatabase();
    await orm.em.fork().persist(Tally.of('t1')).flush();
    opened = 0;
  });
  afterEach(() => orm.close());
  afterAll(() => database.drop([TallySchema]));

  it('changes the aggregate and remembers the event in the same write', async () => {
    const changed = await changeOnce(byIdIn(fresh, 't1'), addOne, 'evt-1');
    expect(changed.outcome).toBe('changed');
    expect(await stored()).toMatchObject({ count: 1, handledEvents: ['evt-1'], version: 2 });
  });

  it('skips an event the aggregate already handled, without calling the change or writing', async () => {
    await changeOnce(byIdIn(fresh, 't1'), addOne, 'evt-1');
    const change = jest.fn(addOne);
    const again = await changeOnce(byIdIn(fresh, 't1'), change, 'evt-1');
    expect(again.outcome).toBe('already-handled');
    expect(change).not.toHaveBeenCalled();
    expect(await stored()).toMatchObject({ count: 1, version: 2 });
  });

  it('does not write when the change says nothing changed', async () => {
    const unchanged = await changeOnce(byIdIn(fresh, 't1'), () => false, 'evt-1');
    expect(unchanged.outcome).toBe('unchanged');
    expect(await stored()).toMatchObject({ count: 0, handledEvents: [], version: 1 });
  });

  it('runs the change again on a fresh load when another writer wins the race', async () => {
    const seen: number[] = [];
    let raced = false;
    const changed = await changeOnce(
      byIdIn(fresh, 't1'),
      async (tally) => {
        seen.push(tally.count);
        if (!raced) {
          raced = true;
          await bumpElsewhere();
        }
        return addOne(tally);
      },
      'evt-1',
    );
    expect(changed.outcome).toBe('changed');
    expect(seen).toEqual([0, 1]);
    expect(opened).toBe(2);
    expect(await stored()).toMatchObject({ count: 2, handledEvents: ['evt-1'] });
  });

  it('finds the event handled when a concurrent delivery of it won the race', async () => {
    const changed = await changeOnce(
      byIdIn(fresh, 't1'),
      async (tally) => {
        if (opened === 1) await changeOnce(byIdIn(fresh, 't1'), addOne, 'evt-1');
        return addOne(tally);
      },
      'evt-1',
    );
    expect(changed.outcome).toBe('already-handled');
    expect(await stored()).toMatchObject({ count: 1, handledEvents: ['evt-1'] });
  });

  it(`gives up with CONFLICT after ${CONFLICT_RETRY.attempts} lost races, having written nothing of its own`, async () => {
    const attempt = changeOnce(
      byIdIn(fresh, 't1'),
      async (tally) => {
        await bumpElsewhere();
        return addOne(tally);
      },
      'evt-1',
    );
    await expect(attempt).rejects.toBeInstanceOf(ConcurrentChange);
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(opened).toBe(CONFLICT_RETRY.attempts);
    expect(await stored()).toMatchObject({ count: CONFLICT_RETRY.attempts, handledEvents: [] });
  });

  it('does not retry an error that is not a lost race', async () => {
    const change = jest.fn(() => {
      throw new Error('a broken rule');
    });
    await expect(changeOnce(byIdIn(fresh, 't1'), change, 'evt-1')).rejects.toThrow('a broken rule');
    expect(change).toHaveBeenCalledTimes(1);
  });

  it('answers not-found, changing nothing, for an aggregate that is not there', async () => {
    const change = jest.fn(addOne);
    expect(await changeOnce(byIdIn(fresh, 'nope'), change, 'evt-1')).toEqual({
      outcome: 'not-found',
      aggregate: null,
    });
    expect(change).not.toHaveBeenCalled();
  });
});
