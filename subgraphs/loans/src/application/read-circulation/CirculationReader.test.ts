import { Hold, HoldStatus, Loan, LoanStatus } from '../../domain';
import { CirculationReader } from './CirculationReader';

const loan = Object.assign(new Loan(), { id: 'l1', memberId: 'm1', status: LoanStatus.ACTIVE });
const hold = Object.assign(new Hold(), { id: 'h1', memberId: 'm1', status: HoldStatus.WAITING });

describe('CirculationReader', () => {
  const asked: unknown[] = [];
  const reader = new CirculationReader(
    (memberId, status) => {
      asked.push(['loans', memberId, status]);
      return Promise.resolve([loan]);
    },
    (memberId, status) => {
      asked.push(['holds', memberId, status]);
      return Promise.resolve([hold]);
    },
    {
      history: (memberId, first, after) => {
        asked.push(['history', memberId, first, after]);
        return Promise.resolve({ loans: [loan], hasNextPage: false });
      },
      count: () => Promise.resolve(1),
    },
  );
  beforeEach(() => (asked.length = 0));

  it("returns a member's own loans and holds, passing the status filter on", async () => {
    const self = { memberId: 'm1', role: 'MEMBER' } as const;
    await expect(reader.loans(self, 'm1', LoanStatus.ACTIVE)).resolves.toEqual([loan]);
    await expect(reader.holds(self, 'm1', null)).resolves.toEqual([hold]);
    expect(asked).toEqual([
      ['loans', 'm1', 'ACTIVE'],
      ['holds', 'm1', null],
    ]);
  });

  it('does not even look up the records of someone the reader may not see', async () => {
    await expect(reader.loans({ memberId: 'm2', role: 'MEMBER' }, 'm1', null)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(reader.holds(null, 'm1', null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(asked).toEqual([]);
  });
});
