import { CONFLICT_RETRY } from '@shelfmark/subgraph-kit';
import { ConcurrentChange, NotFound } from '@shelfmark/errors';
import type { MemberRepository } from '../domain';
import { aMember } from '../../test/support/builders';
import { InMemoryMemberRepository } from '../../test/support/fakes';
import { changeMember } from './changeMember';

const { attempts: MAX_ATTEMPTS } = CONFLICT_RETRY;

const now = new Date('2026-05-01T10:00:00Z');

describe('changeMember', () => {
  let members: InMemoryMemberRepository;
  let opened: number;
  const fresh = (): MemberRepository => ((opened += 1), members);

  beforeEach(async () => {
    members = new InMemoryMemberRepository();
    opened = 0;
    await members.add(aMember().withId('m-1').build());
  });

  it('loads, changes and saves the member in one write', async () => {
    const member = await changeMember(fresh, 'm-1', (m) => (m.grantPoints(5, 'Thanks', now), true));
    expect(member.points).toBe(35);
    expect((await members.byId('m-1'))?.points).toBe(35);
    expect(members.writes).toBe(2); // registration + this change
  });

  it('writes nothing when the change says nothing changed', async () => {
    await changeMember(fresh, 'm-1', () => false);
    expect(members.writes).toBe(1);
  });

  it('starts again, in a fresh unit of work, on the member as another writer left it', async () => {
    members.beforeNextSave(async () => {
      const other = (await members.byId('m-1'))!;
      other.grantPoints(100, 'Someone else', now);
      await members.save(other);
    });
    const seen: number[] = [];
    const member = await changeMember(fresh, 'm-1', (m) => {
      seen.push(m.points);
      m.grantPoints(1, 'Mine', now);
      return true;
    });
    expect(seen).toEqual([30, 130]);
    expect(opened).toBe(2);
    expect(member.points).toBe(131);
    expect((await members.byId('m-1'))?.pointsLedger.map((e) => e.reason)).toEqual([
      'Welcome to the library',
      'Someone else',
      'Mine',
    ]);
  });

  it(`gives up with CONFLICT after ${MAX_ATTEMPTS} lost races, having written nothing of its own`, async () => {
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) {
      members.beforeNextSave(async () => {
        const other = (await members.byId('m-1'))!;
        other.grantPoints(1, 'Racer', now);
        await members.save(other);
      });
    }
    await expect(changeMember(fresh, 'm-1', (m) => (m.grantPoints(5, 'Loser', now), true))).rejects.toThrow(
      ConcurrentChange,
    );
    expect(opened).toBe(MAX_ATTEMPTS);
    expect((await members.byId('m-1'))?.pointsLedger.some((e) => e.reason === 'Loser')).toBe(false);
  });

  it('does not retry a broken rule', async () => {
    const change = jest.fn(() => {
      throw new Error('rule');
    });
    await expect(changeMember(fresh, 'm-1', change)).rejects.toThrow('rule');
    expect(change).toHaveBeenCalledTimes(1);
  });

  it('fails with NOT_FOUND for a member it does not know', async () => {
    await expect(changeMember(fresh, 'ghost', () => true)).rejects.toThrow(NotFound);
  });
});
