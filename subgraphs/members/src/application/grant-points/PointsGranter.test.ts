import { InvalidInput, NotFound } from '@shelfmark/errors';
import { aMember } from '../../../test/support/builders';
import { InMemoryMemberRepository } from '../../../test/support/fakes';
import { PointsGranter } from './PointsGranter';

const now = new Date('2026-05-01T10:00:00Z');

describe('PointsGranter', () => {
  let members: InMemoryMemberRepository;
  let granter: PointsGranter;

  beforeEach(async () => {
    members = new InMemoryMemberRepository();
    await members.add(aMember().withId('m-1').build());
    granter = new PointsGranter(
      () => members,
      () => now,
    );
  });

  it('adds the points with the reason, and points-changed in the same write', async () => {
    const member = await granter.grant({ memberId: 'm-1', points: 15, reason: 'Volunteered' });
    expect(member.points).toBe(45);
    const stored = (await members.byId('m-1'))!;
    expect(stored.pointsLedger.at(-1)).toEqual({
      at: now.toISOString(),
      delta: 15,
      reason: 'Volunteered',
      ref: null,
      balance: 45,
    });
    expect(stored.outbox.at(-1)).toMatchObject({
      type: 'shelfmark.members.points-changed.v1',
      data: { memberId: 'm-1', delta: 15, balance: 45, reason: 'Volunteered', ref: null },
    });
  });

  it.each([
    [0, 'Nothing', 'points'],
    [-5, 'Taking', 'points'],
    [10_001, 'Too many', 'points'],
    [5, ' ', 'reason'],
  ])('refuses %j points for %j, writing nothing', async (points, reason, field) => {
    const writes = members.writes;
    await expect(granter.grant({ memberId: 'm-1', points, reason })).rejects.toThrow(
      expect.objectContaining({ constructor: InvalidInput, field }) as Error,
    );
    expect(members.writes).toBe(writes);
  });

  it('refuses an unknown member with NOT_FOUND', async () => {
    await expect(granter.grant({ memberId: 'ghost', points: 5, reason: 'Hi' })).rejects.toThrow(NotFound);
  });

  it('keeps both of two grants that race', async () => {
    members.beforeNextSave(() =>
      granter.grant({ memberId: 'm-1', points: 1, reason: 'Second' }).then(() => undefined),
    );
    await granter.grant({ memberId: 'm-1', points: 2, reason: 'First' });
    expect((await members.byId('m-1'))?.points).toBe(33);
    expect(members.conflicts).toBe(1);
  });
});
