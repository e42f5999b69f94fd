import { EmailAddress, Member, MemberName, type MemberRole } from '../../src/domain';

/** A registered member for tests: `aMember().librarian().withEmail('x@y.org').build()`. */
export function aMember() {
  let id = 'member-1';
  let email = 'ada@library.test';
  let name = 'Ada Lovelace';
  let role: MemberRole = 'MEMBER';
  let initialPoints = 30;
  let passwordHash = 'hashed:correct horse';
  let now = new Date('2026-01-02T03:04:05Z');
  let blockedFor: string | null = null;
  const builder = {
    withId: (value: string) => ((id = value), builder),
    withEmail: (value: string) => ((email = value), builder),
    withName: (value: string) => ((name = value), builder),
    withPasswordHash: (value: string) => ((passwordHash = value), builder),
    withInitialPoints: (value: number) => ((initialPoints = value), builder),
    registeredAt: (value: Date) => ((now = value), builder),
    librarian: () => ((role = 'LIBRARIAN'), builder),
    admin: () => ((role = 'ADMIN'), builder),
    /** Blocked by an admin right after registering (so staff can be blocked too). */
    blocked: (reason = 'Lost three books') => ((blockedFor = reason), builder),
    build: () => {
      const member = Member.register(
        id,
        { email: EmailAddress.parse(email), name: MemberName.parse(name), passwordHash, role, initialPoints },
        now,
      );
      if (blockedFor) member.block(blockedFor, { memberId: 'builder-admin', role: 'ADMIN' }, now);
      return member;
    },
  };
  return builder;
}
