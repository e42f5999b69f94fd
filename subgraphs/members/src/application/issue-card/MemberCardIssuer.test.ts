import { NotFound } from '@shelfmark/errors';
import { aMember } from '../../../test/support/builders';
import { InMemoryMemberRepository } from '../../../test/support/fakes';
import { MemberCardIssuer } from './MemberCardIssuer';

const now = new Date('2026-05-01T10:00:00Z');
const cardIssued = 'shelfmark.members.member-card-issued.v1';

describe('MemberCardIssuer', () => {
  let members: InMemoryMemberRepository;
  let numbers: string[];
  let issuer: MemberCardIssuer;

  beforeEach(async () => {
    members = new InMemoryMemberRepository();
    await members.add(aMember().withId('m-1').build());
    numbers = ['SM-00000001', 'SM-00000002', 'SM-00000003'];
    issuer = new MemberCardIssuer(() => members, {
      validityYears: 3,
      clock: () => now,
      cardNumbers: () => numbers.shift()!,
    });
  });

  const cardEvents = async () => (await members.byId('m-1'))!.outbox.filter((e) => e.type === cardIssued);

  it('issues a card valid for three years and records member-card-issued in the same write', async () => {
    const writesBefore = members.writes;
    expect(await issuer.issueFor('m-1', { eventId: 'evt-1' })).toBe('issued');
    const member = await members.byId('m-1');
    expect(member?.card).toMatchObject({
      number: 'SM-00000001',
      issuedAt: now,
      expiresAt: new Date('2029-05-01T10:00:00Z'),
    });
    expect(member?.hasHandled('evt-1')).toBe(true);
    expect(await cardEvents()).toHaveLength(1);
    expect(members.writes - writesBefore).toBe(1);
  });

  it('issues one card and one event when the same registration is delivered twice', async () => {
    await issuer.issueFor('m-1', { eventId: 'evt-1' });
    const writesAfterFirst = members.writes;
    expect(await issuer.issueFor('m-1', { eventId: 'evt-1' })).toBe('already-handled');
    expect((await members.byId('m-1'))?.card?.number).toBe('SM-00000001');
    expect(await cardEvents()).toHaveLength(1);
    expect(members.writes).toBe(writesAfterFirst);
  });

  it('never issues a second card, even for another event about the same member', async () => {
    await issuer.issueFor('m-1', { eventId: 'evt-1' });
    expect(await issuer.issueFor('m-1', { eventId: 'evt-2' })).toBe('already-has-card');
    expect((await members.byId('m-1'))?.card?.number).toBe('SM-00000001');
    expect(await cardEvents()).toHaveLength(1);
  });

  it('uses the configured validity', async () => {
    const oneYear = new MemberCardIssuer(() => members, {
      validityYears: 1,
      clock: () => now,
      cardNumbers: () => 'SM-99999999',
    });
    await oneYear.issueFor('m-1', { eventId: 'evt-1' });
    expect((await members.byId('m-1'))?.card?.expiresAt).toEqual(new Date('2027-05-01T10:00:00Z'));
  });

  it('fails (so the event is retried, then dead-lettered) for a member it does not know', async () => {
    await expect(issuer.issueFor('ghost', { eventId: 'evt-9' })).rejects.toThrow(NotFound);
  });

  it('changes nothing when the card number is taken; a retry draws a new one', async () => {
    await members.add(aMember().withId('m-2').withEmail('bob@library.test').build());
    await issuer.issueFor('m-2', { eventId: 'evt-2' }); // takes SM-00000001
    numbers.unshift('SM-00000001');
    await expect(issuer.issueFor('m-1', { eventId: 'evt-1' })).rejects.toThrow(/unique/);
    expect((await members.byId('m-1'))?.card).toBeNull();
    expect(await issuer.issueFor('m-1', { eventId: 'evt-1' })).toBe('issued');
    expect((await members.byId('m-1'))?.card?.number).toBe('SM-00000002');
  });
});
