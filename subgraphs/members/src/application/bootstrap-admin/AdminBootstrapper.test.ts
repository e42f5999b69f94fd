import { EmailAddress, Password } from '../../domain';
import { aMember } from '../../../test/support/builders';
import { FakePasswordHasher, InMemoryMemberRepository } from '../../../test/support/fakes';
import { ADMIN_NAME, AdminBootstrapper, LIBRARIAN_NAME } from './AdminBootstrapper';

const admin = {
  email: EmailAddress.parse('admin@library.test'),
  password: Password.parse('correct horse battery'),
};

describe('AdminBootstrapper', () => {
  let members: InMemoryMemberRepository;
  let hasher: FakePasswordHasher;
  let bootstrapper: AdminBootstrapper;

  beforeEach(() => {
    members = new InMemoryMemberRepository();
    hasher = new FakePasswordHasher();
    bootstrapper = new AdminBootstrapper(members, hasher, { initialPoints: 30 });
  });

  it('creates the ADMIN account with the configured password, once', async () => {
    expect(await bootstrapper.ensure(admin)).toBe('created');
    expect(await bootstrapper.ensure(admin)).toBe('exists');
    const all = members.all();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      email: 'admin@library.test',
      name: ADMIN_NAME,
      role: 'ADMIN',
      passwordHash: 'hashed:correct horse battery',
    });
    expect(all[0]?.outbox.map((e) => e.type)).toEqual(['shelfmark.members.member-registered.v1']);
  });

  it('creates a LIBRARIAN account when asked for that role (the demo library), once', async () => {
    const librarian = {
      email: EmailAddress.parse('librarian@library.test'),
      password: Password.parse('shelves and stacks'),
    };
    expect(await bootstrapper.ensure(librarian, 'LIBRARIAN')).toBe('created');
    expect(await bootstrapper.ensure(librarian, 'LIBRARIAN')).toBe('exists');
    expect(members.all()).toEqual([
      expect.objectContaining({
        email: 'librarian@library.test',
        name: LIBRARIAN_NAME,
        role: 'LIBRARIAN',
        passwordHash: 'hashed:shelves and stacks',
      }),
    ]);
  });

  it('leaves an existing account with that e-mail exactly as it is', async () => {
    await members.add(
      aMember().withId('m-1').withEmail('admin@library.test').withPasswordHash('hashed:their own').build(),
    );
    expect(await bootstrapper.ensure(admin)).toBe('exists');
    expect(members.all()).toEqual([
      expect.objectContaining({ id: 'm-1', role: 'MEMBER', passwordHash: 'hashed:their own' }),
    ]);
    expect(hasher.hashed).toEqual([]);
  });
});
