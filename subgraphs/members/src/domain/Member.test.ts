import { InvalidInput, type NotAllowed } from '@shelfmark/errors';
import { parseEvent, type CloudEvent } from '@shelfmark/events';
import { aMember } from '../../test/support/builders';
import {
  CannotBlockThemself,
  CardAlreadyIssued,
  InsufficientPoints,
  MemberBlocked,
  OnlyAdminsBlockStaff,
  OnlyStaffBlock,
} from './errors';
import { WELCOME_POINTS_REASON, type Member, type Viewer } from './Member';
import { MemberCard } from './MemberCard';

const now = new Date('2026-01-02T03:04:05Z');

describe('Member.register', () => {
  it('starts ACTIVE, without a card, with the initial points on the ledger', () => {
    const member = aMember().withInitialPoints(30).registeredAt(now).build();
    expect(member).toMatchObject({
      status: 'ACTIVE',
      role: 'MEMBER',
      card: null,
      points: 30,
      registeredAt: now,
    });
    expect(member.pointsLedger).toEqual([
      { at: now.toISOString(), delta: 30, reason: WELCOME_POINTS_REASON, ref: null, balance: 30 },
    ]);
    expect(member).toMatchObject({ blockedReason: null, blockedAt: null });
  });

  it('keeps an empty ledger when the library gives no welcome points', () => {
    const member = aMember().withInitialPoints(0).build();
    expect(member.points).toBe(0);
    expect(member.pointsLedger).toEqual([]);
  });

  it.each([-1, 2.5])('refuses %j initial points', (points) => {
    expect(() => aMember().withInitialPoints(points).build()).toThrow(InvalidInput);
  });

  it('records member-registered, which satisfies its own contract', () => {
    const member = aMember()
      .withId('m-1')
      .withEmail('Ada@Library.test')
      .librarian()
      .withInitialPoints(30)
      .registeredAt(now)
      .build();
    // The welcome points are part of joining: member-registered carries them, no points-changed.
    expect(member.outbox).toHaveLength(1);
    const event = parseEvent(JSON.parse(JSON.stringify(member.outbox[0])));
    expect(event).toMatchObject({
      type: 'shelfmark.members.member-registered.v1',
      subject: 'm-1',
      source: 'urn:shelfmark:members',
      time: now.toISOString(),
      data: {
        memberId: 'm-1',
        email: 'ada@library.test',
        name: 'Ada Lovelace',
        role: 'LIBRARIAN',
        points: 30,
      },
    });
  });

  it('never puts the password hash into its event', () => {
    const member = aMember().withPasswordHash('$argon2id$secret').build();
    expect(JSON.stringify(member.outbox)).not.toContain('secret');
  });
});

describe('Member points ledger', () => {
  it('records each change with its reason and the running balance', () => {
    const member = aMember().withInitialPoints(30).registeredAt(now).build();
    member.grantPoints(5, '  Returned on time ', new Date('2026-02-01T00:00:00Z'));
    member.grantPoints(10, 'Librarian: book drive volunteer', new Date('2026-03-01T00:00:00Z'));
    expect(member.points).toBe(45);
    expect(member.pointsLedger.map(({ delta, reason, balance }) => [delta, reason, balance])).toEqual([
      [30, WELCOME_POINTS_REASON, 30],
      [5, 'Returned on time', 35],
      [10, 'Librarian: book drive volunteer', 45],
    ]);
    expect(member.pointsLedger.at(-1)?.at).toBe('2026-03-01T00:00:00.000Z');
  });

  it.each<[number, string, string]>([
    [0, 'nothing', 'points'],
    [-3, 'taking', 'points'],
    [1.5, 'half', 'points'],
    [5, '   ', 'reason'],
    [5, 'x'.repeat(501), 'reason'],
    [10_001, 'too generous', 'points'],
  ])('refuses to grant %j points for %j', (points, reason, field) => {
    const member = aMember().build();
    expect(() => member.grantPoints(points, reason, now)).toThrow(
      expect.objectContaining({ constructor: InvalidInput, field }) as Error,
    );
    expect(member.points).toBe(30);
    expect(member.pointsLedger).toHaveLength(1);
  });
});

describe('Member card', () => {
  it('issues one card and records member-card-issued', () => {
    const member = aMember().withId('m-1').build();
    member.issueCard(MemberCard.issue('SM-00000001', now, 3));
    expect(member.card?.number).toBe('SM-00000001');
    const event = parseEvent(JSON.parse(JSON.stringify(member.outbox.at(-1))));
    expect(event).toMatchObject({
      type: 'shelfmark.members.member-card-issued.v1',
      subject: 'm-1',
      data: {
        memberId: 'm-1',
        number: 'SM-00000001',
        issuedAt: now.toISOString(),
        expiresAt: '2029-01-02T03:04:05.000Z',
      },
    });
  });

  it('refuses a second card', () => {
    const member = aMember().build();
    member.issueCard(MemberCard.issue('SM-00000001', now, 3));
    expect(() => member.issueCard(MemberCard.issue('SM-00000002', now, 3))).toThrow(CardAlreadyIssued);
    expect(member.card?.number).toBe('SM-00000001');
  });
});

describe('Member private details', () => {
  const member: Member = aMember().withId('m-1').build();

  it.each([
    ['the member themself', { memberId: 'm-1', role: 'MEMBER' as const }, true],
    ['a librarian', { memberId: 'lib', role: 'LIBRARIAN' as const }, true],
    ['an admin', { memberId: 'adm', role: 'ADMIN' as const }, true],
    ['another member', { memberId: 'm-2', role: 'MEMBER' as const }, false],
    ['nobody signed in', null, false],
  ])('are shown to %s: %j', (_, viewer, shown) => {
    expect(member.showsPrivateDetailsTo(viewer)).toBe(shown);
  });
});

/** The events the member recorded after registering, parsed as a consumer would see them. */
const recorded = (member: Member, type: string) =>
  member.outbox
    .filter((event: CloudEvent) => event.type === type)
    .map((event) => parseEvent(JSON.parse(JSON.stringify(event))));
const pointsChanged = (member: Member) =>
  recorded(member, 'shelfmark.members.points-changed.v1').map((event) => event.data);
const later = new Date('2026-02-03T04:05:06Z');

describe('Member points events', () => {
  it('records points-changed, within its contract, for a grant (ref null)', () => {
    const member = aMember().withId('m-1').build();
    member.grantPoints(10_000, ' Book drive ', later);
    expect(pointsChanged(member)).toEqual([
      { memberId: 'm-1', delta: 10_000, balance: 10_030, reason: 'Book drive', ref: null },
    ]);
    expect(member.outbox.at(-1)).toMatchObject({ subject: 'm-1', time: later.toISOString() });
  });
});

describe('Member.spendForHold', () => {
  it('takes the points, with the hold as the ledger ref and a points-changed event', () => {
    const member = aMember().withId('m-1').build();
    expect(member.spendForHold('h-1', 10, later)).toBe(true);
    expect(member.points).toBe(20);
    expect(member.pointsLedger.at(-1)).toEqual({
      at: later.toISOString(),
      delta: -10,
      reason: 'Hold placed',
      ref: 'hold:h-1',
      balance: 20,
    });
    expect(pointsChanged(member)).toEqual([
      { memberId: 'm-1', delta: -10, balance: 20, reason: 'Hold placed', ref: 'hold:h-1' },
    ]);
    expect(member.pointsSpentForHold('h-1')).toBe(10);
    expect(member.pointsSpentForHold('h-2')).toBeNull();
  });

  it('pays once per hold: a retry changes nothing, even after the member ran short or was blocked', () => {
    const member = aMember().build();
    member.spendForHold('h-1', 30, now);
    member.block('Overdue', { memberId: 'lib', role: 'LIBRARIAN' }, now);
    const outboxBefore = member.outbox.length;
    expect(member.spendForHold('h-1', 30, later)).toBe(false);
    expect(member.points).toBe(0);
    expect(member.pointsLedger).toHaveLength(2);
    expect(member.outbox).toHaveLength(outboxBefore);
  });

  it('lets distinct holds spend the balance down to exactly 0', () => {
    const member = aMember().build();
    for (const hold of ['h-1', 'h-2', 'h-3']) member.spendForHold(hold, 10, now);
    expect(member.points).toBe(0);
    expect(member.pointsLedger.map((entry) => entry.balance)).toEqual([30, 20, 10, 0]);
  });

  it('refuses more points than the balance, saying what it costs and what the member has', () => {
    const member = aMember().withInitialPoints(4).build();
    const attempt = () => member.spendForHold('h-1', 10, now);
    expect(attempt).toThrow(InsufficientPoints);
    expect(attempt).toThrow('A hold costs 10 points; you have 4.');
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_POINTS', details: { needed: 10, balance: 4 } }) as Error,
    );
    expect(member.points).toBe(4);
  });

  it('refuses a BLOCKED member with MEMBER_BLOCKED, however many points they have', () => {
    const member = aMember().blocked().build();
    expect(() => member.spendForHold('h-1', 10, now)).toThrow(MemberBlocked);
    expect(() => member.spendForHold('h-1', 10, now)).toThrow(
      expect.objectContaining({ code: 'MEMBER_BLOCKED' }) as Error,
    );
    expect(member.points).toBe(30);
  });

  it('takes nothing for a free hold, and records nothing', () => {
    const member = aMember().build();
    expect(member.spendForHold('h-1', 0, now)).toBe(false);
    expect(member.points).toBe(30);
    expect(member.pointsLedger).toHaveLength(1);
    expect(pointsChanged(member)).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['h-1', -1, 'points'],
    ['h-1', 2.5, 'points'],
    ['h-1', Number.NaN, 'points'],
    ['  ', 10, 'holdId'],
  ])('refuses hold %j for %j points (%s)', (holdId, points, field) => {
    const member = aMember().build();
    expect(() => member.spendForHold(holdId, points, now)).toThrow(
      expect.objectContaining({ constructor: InvalidInput, field }) as Error,
    );
  });
});

describe('Member.refundHold', () => {
  it('gives back exactly what was paid for that hold, once', () => {
    const member = aMember().withId('m-1').build();
    member.spendForHold('h-1', 7, now);
    member.spendForHold('h-2', 10, now);
    expect(member.refundHold('h-1', 'Hold cancelled', later)).toBe(true);
    expect(member.points).toBe(20);
    expect(member.pointsLedger.at(-1)).toMatchObject({ delta: 7, ref: 'hold-refund:h-1', balance: 20 });
    expect(pointsChanged(member).at(-1)).toEqual({
      memberId: 'm-1',
      delta: 7,
      balance: 20,
      reason: 'Hold cancelled',
      ref: 'hold-refund:h-1',
    });

    expect(member.refundHold('h-1', 'Hold expired', later)).toBe(false);
    expect(member.points).toBe(20);
    expect(pointsChanged(member)).toHaveLength(3);
  });

  it('refunds nothing for a hold nothing was paid for (or a free one)', () => {
    const member = aMember().build();
    member.spendForHold('free', 0, now);
    expect(member.refundHold('unknown', 'Hold abandoned', now)).toBe(false);
    expect(member.refundHold('free', 'Hold cancelled', now)).toBe(false);
    expect(member.points).toBe(30);
    expect(member.pointsLedger).toHaveLength(1);
  });

  it('refunds a blocked member too: the points are theirs', () => {
    const member = aMember().build();
    member.spendForHold('h-1', 10, now);
    member.block('Overdue', { memberId: 'lib', role: 'LIBRARIAN' }, now);
    expect(member.refundHold('h-1', 'Hold cancelled', now)).toBe(true);
    expect(member.points).toBe(30);
  });

  it('still pays nothing twice for a hold once refunded', () => {
    const member = aMember().build();
    member.spendForHold('h-1', 10, now);
    member.refundHold('h-1', 'Hold cancelled', now);
    expect(member.spendForHold('h-1', 10, now)).toBe(false);
    expect(member.points).toBe(30);
  });

  it('reads ledger entries written before refs existed as having none', () => {
    const member = aMember().build();
    member.pointsLedger = [
      { at: now.toISOString(), delta: -10, reason: 'Hold placed', balance: 20 } as never,
    ];
    expect(member.refundHold('h-1', 'Hold cancelled', now)).toBe(false);
  });
});

describe('Member.rewardOnTimeReturn', () => {
  it('adds the points once per loan, with the loan as the ref', () => {
    const member = aMember().withId('m-1').build();
    expect(member.rewardOnTimeReturn('l-1', 1, later)).toBe(true);
    expect(member.rewardOnTimeReturn('l-1', 1, later)).toBe(false);
    expect(member.rewardOnTimeReturn('l-2', 2, later)).toBe(true);
    expect(member.points).toBe(33);
    expect(pointsChanged(member)).toEqual([
      { memberId: 'm-1', delta: 1, balance: 31, reason: 'Returned on time', ref: 'loan:l-1' },
      { memberId: 'm-1', delta: 2, balance: 33, reason: 'Returned on time', ref: 'loan:l-2' },
    ]);
  });

  it('does nothing when the reward is 0', () => {
    const member = aMember().build();
    expect(member.rewardOnTimeReturn('l-1', 0, now)).toBe(false);
    expect(member.pointsLedger).toHaveLength(1);
  });

  it.each([-1, 0.5])('refuses a reward of %j points', (points) => {
    expect(() => aMember().build().rewardOnTimeReturn('l-1', points, now)).toThrow(InvalidInput);
  });
});

describe('Member block and unblock', () => {
  const librarian: Viewer = { memberId: 'lib-1', role: 'LIBRARIAN' };
  const admin: Viewer = { memberId: 'adm-1', role: 'ADMIN' };
  const blocked = (member: Member) => recorded(member, 'shelfmark.members.member-blocked.v1');
  const unblocked = (member: Member) => recorded(member, 'shelfmark.members.member-unblocked.v1');

  it('blocks with the trimmed reason and records member-blocked', () => {
    const member = aMember().withId('m-1').build();
    expect(member.block('  Three books overdue ', librarian, later)).toBe(true);
    expect(member).toMatchObject({
      status: 'BLOCKED',
      blockedReason: 'Three books overdue',
      blockedAt: later,
    });
    expect(blocked(member)).toEqual([
      expect.objectContaining({
        subject: 'm-1',
        time: later.toISOString(),
        data: { memberId: 'm-1', reason: 'Three books overdue', blockedBy: 'lib-1' },
      }),
    ]);
  });

  it('changes nothing, records nothing, when the member is blocked already (not even the reason)', () => {
    const member = aMember().build();
    member.block('First', librarian, now);
    expect(member.block('Second', admin, later)).toBe(false);
    expect(member).toMatchObject({ blockedReason: 'First', blockedAt: now });
    expect(blocked(member)).toHaveLength(1);
  });

  it('unblocks, clears the reason and records member-unblocked; unblocking again changes nothing', () => {
    const member = aMember().withId('m-1').build();
    member.block('Overdue', librarian, now);
    expect(member.unblock(admin, later)).toBe(true);
    expect(member).toMatchObject({ status: 'ACTIVE', blockedReason: null, blockedAt: null });
    expect(unblocked(member).map((e) => e.data)).toEqual([{ memberId: 'm-1', unblockedBy: 'adm-1' }]);
    expect(member.unblock(admin, later)).toBe(false);
    expect(unblocked(member)).toHaveLength(1);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['x'.repeat(501), 'too long'],
  ])('refuses the reason %j (%s), naming the reason field', (reason) => {
    const member = aMember().build();
    expect(() => member.block(reason, librarian, now)).toThrow(
      expect.objectContaining({ constructor: InvalidInput, field: 'reason' }) as Error,
    );
    expect(member.status).toBe('ACTIVE');
  });

  it('accepts a reason of exactly 500 characters', () => {
    const member = aMember().build();
    member.block('x'.repeat(500), librarian, now);
    expect(member.blockedReason).toHaveLength(500);
  });

  it.each<[string, () => Member, Viewer, new (...args: never[]) => NotAllowed]>([
    [
      'a member blocking anyone',
      () => aMember().build(),
      { memberId: 'm-2', role: 'MEMBER' },
      OnlyStaffBlock,
    ],
    [
      'a librarian blocking themself',
      () => aMember().withId('lib-1').librarian().build(),
      librarian,
      CannotBlockThemself,
    ],
    [
      'an admin blocking themself',
      () => aMember().withId('adm-1').admin().build(),
      admin,
      CannotBlockThemself,
    ],
    [
      'a librarian blocking a librarian',
      () => aMember().librarian().build(),
      librarian,
      OnlyAdminsBlockStaff,
    ],
    ['a librarian blocking an admin', () => aMember().admin().build(), librarian, OnlyAdminsBlockStaff],
  ])('refuses %s with FORBIDDEN', (_, target, by, error) => {
    const member = target();
    expect(() => member.block('Reason', by, now)).toThrow(error);
    expect(() => member.block('Reason', by, now)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }) as Error,
    );
    expect(member.status).toBe('ACTIVE');
  });

  it('applies the same rules to unblocking', () => {
    const staff = aMember().withId('lib-2').librarian().blocked().build();
    expect(() => staff.unblock(librarian, now)).toThrow(OnlyAdminsBlockStaff);
    const self = aMember().withId('lib-1').librarian().blocked().build();
    expect(() => self.unblock(librarian, now)).toThrow(CannotBlockThemself);
    expect(() => aMember().blocked().build().unblock({ memberId: 'm-2', role: 'MEMBER' }, now)).toThrow(
      OnlyStaffBlock,
    );
    expect(staff.unblock(admin, now)).toBe(true);
  });

  it('lets an admin block staff', () => {
    const member = aMember().librarian().build();
    expect(member.block('Misconduct', admin, now)).toBe(true);
  });
});

describe('Member.searchKey (what the desk’s member search matches)', () => {
  it('holds the name, e-mail and, once issued, the card number, lower-cased', () => {
    const member = aMember().withName('Émile Zola').withEmail('EZ@Library.test').build();
    expect(member.searchKey).toBe('émile zola ez@library.test');
    member.issueCard(MemberCard.issue('SM-04718265', now, 5));
    expect(member.searchKey).toBe('émile zola ez@library.test sm-04718265');
    expect(member.refreshSearchKey()).toBe(false);
  });
});
