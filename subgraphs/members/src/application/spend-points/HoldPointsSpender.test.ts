import { NotFound } from '@shelfmark/errors';
import { InsufficientPoints, MemberBlocked, PaymentTooLate } from '../../domain';
import { aMember } from '../../../test/support/builders';
import { InMemoryMemberRepository } from '../../../test/support/fakes';
import { HoldPointsSpender } from './HoldPointsSpender';

describe('HoldPointsSpender', () => {
  let members: InMemoryMemberRepository;
  let now: Date;
  let spender: HoldPointsSpender;
  const deadline = new Date('2026-05-01T10:00:02Z');
  const spend = (holdId: string, points = 10, memberId = 'm-1') =>
    spender.spend({ memberId, holdId, points, deadline });
  const stored = async () => (await members.byId('m-1'))!;

  beforeEach(async () => {
    members = new InMemoryMemberRepository();
    await members.add(aMember().withId('m-1').build());
    now = new Date('2026-05-01T10:00:00Z');
    spender = new HoldPointsSpender(
      () => members,
      () => now,
    );
  });

  it('takes the points and answers with the new balance', async () => {
    expect(await spend('h-1')).toBe(20);
    expect((await stored()).pointsLedger.at(-1)).toMatchObject({ delta: -10, ref: 'hold:h-1', balance: 20 });
  });

  it('answers a retry with the balance, without paying twice or writing', async () => {
    await spend('h-1');
    const writes = members.writes;
    expect(await spend('h-1')).toBe(20);
    expect(members.writes).toBe(writes);
    expect((await stored()).points).toBe(20);
  });

  it('refuses a blocked member and one short of points, changing nothing', async () => {
    await expect(spend('h-1', 31)).rejects.toThrow(InsufficientPoints);
    const blocked = aMember().withId('m-2').withEmail('b@library.test').blocked().build();
    await members.add(blocked);
    await expect(spend('h-1', 10, 'm-2')).rejects.toThrow(MemberBlocked);
    expect((await stored()).points).toBe(30);
  });

  it('refuses, changing nothing, once the deadline has passed', async () => {
    now = new Date('2026-05-01T10:00:02.001Z');
    const writes = members.writes;
    await expect(spend('h-1')).rejects.toThrow(PaymentTooLate);
    await expect(spend('h-1')).rejects.toThrow(
      expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) as Error,
    );
    expect(members.writes).toBe(writes);
    expect((await stored()).points).toBe(30);
  });

  it('pays right at the deadline', async () => {
    now = deadline;
    expect(await spend('h-1')).toBe(20);
  });

  it('does not pay when the deadline passes while it lost a race to another writer', async () => {
    members.beforeNextSave(async () => {
      const other = await stored();
      other.grantPoints(1, 'Someone else', now);
      await members.save(other);
      now = new Date('2026-05-01T10:00:03Z');
    });
    await expect(spend('h-1')).rejects.toThrow(PaymentTooLate);
    expect((await stored()).points).toBe(31);
  });

  it('checks the balance again after losing a race: a concurrent payment is never overdrawn', async () => {
    members.beforeNextSave(() => spend('h-other', 25).then(() => undefined));
    await expect(spend('h-1')).rejects.toThrow(InsufficientPoints);
    expect((await stored()).points).toBe(5);
  });

  it('lets exactly three of twenty simultaneous 10-point holds through 30 points', async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => spend(`h-${i}`)));
    const paid = results.filter((r) => r.status === 'fulfilled');
    expect(paid).toHaveLength(3);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(InsufficientPoints);
    }
    const member = await stored();
    expect(member.points).toBe(0);
    expect(member.pointsLedger.map((e) => e.balance)).toEqual([30, 20, 10, 0]);
  });

  it('lets a retry racing the first payment of the same hold pay once', async () => {
    members.beforeNextSave(() => spend('h-1').then(() => undefined));
    expect(await spend('h-1')).toBe(20);
    expect((await stored()).pointsLedger.filter((e) => e.ref === 'hold:h-1')).toHaveLength(1);
  });

  it('refuses an unknown member with NOT_FOUND', async () => {
    await expect(spend('h-1', 10, 'ghost')).rejects.toThrow(NotFound);
  });
});
