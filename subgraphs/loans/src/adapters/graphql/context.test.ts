import { byIdLoader, groupedLoader, memberRecordsLoader } from './context';

type Row = { id: string; memberId: string; status: 'ACTIVE' | 'RETURNED' };
const rows: Row[] = [
  { id: 'a1', memberId: 'ada', status: 'ACTIVE' },
  { id: 'a2', memberId: 'ada', status: 'RETURNED' },
  { id: 'b1', memberId: 'bob', status: 'ACTIVE' },
];

describe('memberRecordsLoader', () => {
  it('loads many members with one query per distinct status and hands each member their own rows', async () => {
    const queries: [readonly string[], string | null][] = [];
    const loader = memberRecordsLoader((memberIds: readonly string[], status: Row['status'] | null) => {
      queries.push([memberIds, status]);
      return Promise.resolve(
        rows.filter((row) => memberIds.includes(row.memberId) && (!status || row.status === status)),
      );
    });
    const [adaAll, bobAll, adaActive, bobActive, cyActive] = await Promise.all([
      loader.load({ memberId: 'ada', status: null }),
      loader.load({ memberId: 'bob', status: null }),
      loader.load({ memberId: 'ada', status: 'ACTIVE' }),
      loader.load({ memberId: 'bob', status: 'ACTIVE' }),
      loader.load({ memberId: 'cy', status: 'ACTIVE' }),
    ]);
    expect(queries).toEqual([
      [['ada', 'bob'], null],
      [['ada', 'bob', 'cy'], 'ACTIVE'],
    ]);
    expect([adaAll, bobAll, adaActive, bobActive, cyActive].map((list) => list.map((row) => row.id))).toEqual(
      [['a1', 'a2'], ['b1'], ['a1'], ['b1'], []],
    );
  });
});

describe('groupedLoader', () => {
  it("keeps the query's order within each owner and gives owners without rows an empty list", async () => {
    let calls = 0;
    const loader = groupedLoader(
      (memberIds) => {
        calls += 1;
        return Promise.resolve([...rows].reverse().filter((row) => memberIds.includes(row.memberId)));
      },
      (row) => row.memberId,
    );
    const lists = await Promise.all(['ada', 'cy', 'bob'].map((id) => loader.load(id)));
    expect(calls).toBe(1);
    expect(lists.map((list) => list.map((row) => row.id))).toEqual([['a2', 'a1'], [], ['b1']]);
  });
});

describe('byIdLoader', () => {
  it('answers in the order asked, null for an unknown id, with one query', async () => {
    let calls = 0;
    const loader = byIdLoader((ids) => {
      calls += 1;
      return Promise.resolve(rows.filter((row) => ids.includes(row.id)));
    });
    const found = await Promise.all(['b1', 'nope', 'a1'].map((id) => loader.load(id)));
    expect(calls).toBe(1);
    expect(found.map((row) => row?.id ?? null)).toEqual(['b1', null, 'a1']);
  });
});
