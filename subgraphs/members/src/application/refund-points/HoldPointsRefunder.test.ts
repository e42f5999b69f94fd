import { NotFound } from '@shelfmark/errors';
import { aMember } from '../../../test/support/builders';
import { InMemoryMemberRepository } from '../../../test/support/fakes';
import { HoldPointsRefunder } from './HoldPointsRefunder';

const now = new Date('2026-05-01T10:00:00Z');

describe('HoldPointsRefunder', () => {
  let members: InMemoryMemberRepository;
  let refunder: HoldPointsRefunder;
  const refund = (eventId: string, holdId = 'h-1') =>
    refunder.refund({ memberId: 'm-1', holdId, reason: 'Hold cancelled' }, { eventId });
  const stored = async () => (await members.byId('m-1'))!;

  beforeEach(async () => {
    members = new InMemoryMemberRepository();
    const member = aMember().withId('m-1').build();
    member.spendForHold('h-1', 10, now);
    await members.add(member);
    refunder = new HoldPointsRefunder(
      () => members,
      () => now,
    );
  });

  it('refunds what was paid, marks the event handled, and records points-changed, in one write', async () => {
    const writes = members.writes;
    expect(await refund('evt-1')).toEqual({ outcome: 'refunded', spent: 10 });
    const member = await stored();
    expect(member.points).toBe(30);
    expect(member.hasHandled('evt-1')).toBe(true);
    expect(member.outbox.at(-1)).toMatchObject({
      type: 'shelfmark.members.points-changed.v1',
      data: { delta: 10, balance: 30, ref: 'hold-refund:h-1', reason: 'Hold cancelled' },
    });
    expect(members.writes - writes).toBe(1);
  });

  it('refunds once when the same event is delivered twice', async () => {
    await refund('evt-1');
    const writes = members.writes;
    expect(await refund('evt-1')).toEqual({ outcome: 'already-handled', spent: 10 });
    expect(members.writes).toBe(writes);
    expect((await stored()).points).toBe(30);
  });

  it('refunds once when two events end the same hold (cancelled, then abandoned)', async () => {
    await refund('evt-1');
    expect(await refund('evt-2')).toEqual({ outcome: 'nothing-to-refund', spent: 10 });
    const member = await stored();
    expect(member.points).toBe(30);
    expect(member.pointsLedger.filter((e) => e.ref === 'hold-refund:h-1')).toHaveLength(1);
  });

  it('refunds nothing for a hold nothing was paid for, but remembers the event', async () => {
    expect(await refund('evt-1', 'h-unpaid')).toEqual({ outcome: 'nothing-to-refund', spent: 0 });
    const member = await stored();
    expect(member.points).toBe(20);
    expect(member.hasHandled('evt-1')).toBe(true);
  });

  it('refunds once when the same event is handled twice at the same moment', async () => {
    members.beforeNextSave(() => refund('evt-1').then(() => undefined));
    await refund('evt-1');
    const member = await stored();
    expect(member.points).toBe(30);
    expect(member.pointsLedger.filter((e) => e.ref === 'hold-refund:h-1')).toHaveLength(1);
  });

  it('fails for an unknown member (the event is retried, then dead-lettered)', async () => {
    await expect(
      refunder.refund({ memberId: 'ghost', holdId: 'h-1', reason: 'Hold cancelled' }, { eventId: 'e' }),
    ).rejects.toThrow(NotFound);
  });
});
