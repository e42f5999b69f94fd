import { memberRecordsLoader } from './context';

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
