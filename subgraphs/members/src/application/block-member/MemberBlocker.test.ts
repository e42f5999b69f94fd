import { NotAllowed, NotFound } from '@shelfmark/errors';
import type { Viewer } from '../../domain';
import { aMember } from '../../../test/support/builders';
import { InMemoryMemberRepository } from '../../../test/support/fakes';
import { MemberBlocker } from './MemberBlocker';

const now = new Date('2026-05-01T10:00:00Z');
const librarian: Viewer = { memberId: 'lib-1', role: 'LIBRARIAN' };
const admin: Viewer = { memberId: 'adm-1', role: 'ADMIN' };

describe('MemberBlocker', () => {
  let members: InMemoryMemberRepository;
  let blocker: MemberBlocker;
  const events = async (type: string) =>
    (await members.byId('m-1'))!.outbox.filter((event) => event.type === type);

  beforeEach(async () => {
    members = new InMemoryMemberRepository();
    await members.add(aMember().withId('m-1').build());
    await members.add(aMember().withId('lib-2').withEmail('lib2@library.test').librarian().build());
    blocker = new MemberBlocker(
      () => members,
      () => now,
    );
  });

  it('blocks, with the reason and member-blocked in one write', async () => {
    const writes = members.writes;
    const member = await blocker.block('m-1', 'Overdue books', librarian);
    expect(member).toMatchObject({ status: 'BLOCKED', blockedReason: 'Overdue books', blockedAt: now });
    expect(members.writes - writes).toBe(1);
    expect((await events('shelfmark.members.member-blocked.v1')).map((e) => e.data)).toEqual([
      { memberId: 'm-1', reason: 'Overdue books', blockedBy: 'lib-1' },
    ]);
  });

  it('returns a blocked member unchanged, writing nothing, when blocked again', async () => {
    await blocker.block('m-1', 'Overdue books', librarian);
    const writes = members.writes;
    const member = await blocker.block('m-1', 'Another reason', librarian);
    expect(member).toMatchObject({ status: 'BLOCKED', blockedReason: 'Overdue books' });
    expect(members.writes).toBe(writes);
    expect(await events('shelfmark.members.member-blocked.v1')).toHaveLength(1);
  });

  it('unblocks once; unblocking an active member writes nothing', async () => {
    await blocker.block('m-1', 'Overdue books', librarian);
    const member = await blocker.unblock('m-1', librarian);
    expect(member).toMatchObject({ status: 'ACTIVE', blockedReason: null });
    const writes = members.writes;
    await blocker.unblock('m-1', librarian);
    expect(members.writes).toBe(writes);
    expect((await events('shelfmark.members.member-unblocked.v1')).map((e) => e.data)).toEqual([
      { memberId: 'm-1', unblockedBy: 'lib-1' },
    ]);
  });

  it('needs an admin to block a librarian', async () => {
    await expect(blocker.block('lib-2', 'Reason', librarian)).rejects.toThrow(NotAllowed);
    expect((await blocker.block('lib-2', 'Reason', admin)).status).toBe('BLOCKED');
  });

  it('refuses an unknown member with NOT_FOUND', async () => {
    await expect(blocker.block('ghost', 'Reason', librarian)).rejects.toThrow(NotFound);
    await expect(blocker.unblock('ghost', librarian)).rejects.toThrow(NotFound);
  });

  it('records one block when two librarians block the same member at once', async () => {
    members.beforeNextSave(() =>
      blocker.block('m-1', 'Second', { memberId: 'lib-3', role: 'LIBRARIAN' }).then(() => undefined),
    );
    const member = await blocker.block('m-1', 'First', librarian);
    expect(member.blockedReason).toBe('Second');
    expect(await events('shelfmark.members.member-blocked.v1')).toHaveLength(1);
  });
});
