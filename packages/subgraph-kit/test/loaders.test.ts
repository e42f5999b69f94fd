import { byId, groupedBy, oncePerKey } from '../src/graphql/loaders';

type Row = { id: string; memberId: string; status: 'ACTIVE' | 'RETURNED' };
const rows: Row[] = [
  { id: 'a1', memberId: 'ada', status: 'ACTIVE' },
  { id: 'a2', memberId: 'ada', status: 'RETURNED' },
  { id: 'b1', memberId: 'bob', status: 'ACTIVE' },
];

/** A batch query over `rows` that records what it was asked. */
function query<K>(matches: (row: Row, keys: readonly K[]) => boolean) {
  const calls: (readonly K[])[] = [];
  const load = (keys: readonly K[]) => {
    calls.push(keys);
    // Answers in its own order (newest first), as a database may.
    return Promise.resolve([...rows].reverse().filter((row) => matches(row, keys)));
  };
  return { calls, load };
}

describe('byId', () => {
  it('answers in the order asked, null for an unknown id, with one query', async () => {
    const { calls, load } = query<string>((row, ids) => ids.includes(row.id));
    const loader = byId(load, (row) => row.id);

    const found = await Promise.all(['b1', 'nope', 'a1'].map((id) => loader.load(id)));

    expect(calls).toEqual([['b1', 'nope', 'a1']]);
    expect(found.map((row) => row?.id ?? null)).toEqual(['b1', null, 'a1']);
  });

  it('makes each answer from its item or null when asked to', async () => {
    const { load } = query<string>((row, ids) => ids.includes(row.id));
    const loader = byId(
      load,
      (row) => row.id,
      (row, id) => (row ? row.status : `no ${id}`),
    );

    expect(await loader.loadMany(['a2', 'zz'])).toEqual(['RETURNED', 'no zz']);
  });

  it('asks for an id once however often a request wants it', async () => {
    const { calls, load } = query<string>((row, ids) => ids.includes(row.id));
    const loader = byId(load, (row) => row.id);

    await Promise.all(['a1', 'a1', 'b1'].map((id) => loader.load(id)));
    await loader.load('a1');

    expect(calls).toEqual([['a1', 'b1']]);
  });
});

describe('groupedBy', () => {
  it("keeps the query's order within each key and gives keys without rows an empty list", async () => {
    const { calls, load } = query<string>((row, memberIds) => memberIds.includes(row.memberId));
    const loader = groupedBy(load, (row) => row.memberId);

    const lists = await Promise.all(['ada', 'cy', 'bob'].map((id) => loader.load(id)));

    expect(calls).toHaveLength(1);
    expect(lists.map((list) => list.map((row) => row.id))).toEqual([['a2', 'a1'], [], ['b1']]);
  });

  it('makes each answer from its list when asked to', async () => {
    const { load } = query<string>((row, memberIds) => memberIds.includes(row.memberId));
    const loader = groupedBy(
      load,
      (row) => row.memberId,
      (list, memberId) => `${memberId}: ${list.length}`,
    );

    expect(await loader.loadMany(['ada', 'cy'])).toEqual(['ada: 2', 'cy: 0']);
  });
});

describe('oncePerKey', () => {
  it('loads each distinct key by its own call, and a key that is the same once', async () => {
    const asked: string[] = [];
    const loader = oncePerKey(
      (page: { memberId: string; first: number }) => {
        asked.push(`${page.memberId}/${page.first}`);
        return Promise.resolve(rows.filter((row) => row.memberId === page.memberId).slice(0, page.first));
      },
      (page) => JSON.stringify([page.memberId, page.first]),
    );

    const pages = await Promise.all([
      loader.load({ memberId: 'ada', first: 1 }),
      loader.load({ memberId: 'ada', first: 1 }),
      loader.load({ memberId: 'ada', first: 2 }),
    ]);

    expect(asked).toEqual(['ada/1', 'ada/2']);
    expect(pages.map((page) => page.map((row) => row.id))).toEqual([['a1'], ['a1'], ['a1', 'a2']]);
  });
});
