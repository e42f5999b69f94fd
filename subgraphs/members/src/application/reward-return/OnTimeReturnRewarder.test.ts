import { NotFound } from '@shelfmark/errors';
import { aMember } from '../../../test/support/builders';
import { InMemoryMemberRepository } from '../../../test/support/fakes';
import { OnTimeReturnRewarder } from './OnTimeReturnRewarder';

const now = new Date('2026-05-01T10:00:00Z');

describe('OnTimeReturnRewarder', () => {
  let members: InMemoryMemberRepository;
  const rewarder = (points = 1) => new OnTimeReturnRewarder(() => members, { points, clock: () => now });
  const reward = (eventId: string, loanId = 'l-1', points = 1) =>
    rewarder(points).reward({ memberId: 'm-1', loanId }, { eventId });
  const stored = async () => (await members.byId('m-1'))!;

  beforeEach(async () => {
    members = new InMemoryMemberRepository();
    await members.add(aMember().withId('m-1').build());
  });

  it('adds the configured points, once per loan, with points-changed', async () => {
    expect(await reward('evt-1', 'l-1', 2)).toBe('rewarded');
    const member = await stored();
    expect(member.points).toBe(32);
    expect(member.hasHandled('evt-1')).toBe(true);
    expect(member.outbox.at(-1)).toMatchObject({
      type: 'shelfmark.members.points-changed.v1',
      data: { delta: 2, balance: 32, reason: 'Returned on time', ref: 'loan:l-1' },
    });
  });

  it('rewards once when the event is delivered twice, or another event names the same loan', async () => {
    await reward('evt-1');
    const writes = members.writes;
    expect(await reward('evt-1')).toBe('already-handled');
    expect(await reward('evt-2')).toBe('not-rewarded');
    expect(members.writes).toBe(writes);
    expect((await stored()).points).toBe(31);
  });

  it('rewards once when the same event is handled twice at the same moment', async () => {
    members.beforeNextSave(() => reward('evt-1').then(() => undefined));
    await reward('evt-1');
    expect((await stored()).points).toBe(31);
  });

  it('writes nothing when the library gives no points for on-time returns', async () => {
    const writes = members.writes;
    expect(await reward('evt-1', 'l-1', 0)).toBe('not-rewarded');
    expect(members.writes).toBe(writes);
  });

  it('fails for an unknown member', async () => {
    await expect(rewarder().reward({ memberId: 'ghost', loanId: 'l-1' }, { eventId: 'e' })).rejects.toThrow(
      NotFound,
    );
  });
});
