import { InvalidInput } from '@shelfmark/errors';
import { parseEvent } from '@shelfmark/events';
import { aMember } from '../testing/builders';
import { CardAlreadyIssued } from './errors';
import { WELCOME_POINTS_REASON, type Member } from './Member';
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
      { at: now.toISOString(), delta: 30, reason: WELCOME_POINTS_REASON, balance: 30 },
    ]);
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
