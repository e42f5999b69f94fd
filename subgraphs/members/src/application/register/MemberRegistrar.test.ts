import { AlreadyExists, InvalidInput } from '@shelfmark/errors';
import { FakePasswordHasher, FakeTokenIssuer, InMemoryMemberRepository } from '../../../test/support/fakes';
import { MemberRegistrar, type Registration } from './MemberRegistrar';

const now = new Date('2026-01-02T03:04:05Z');
const ada: Registration = { email: ' Ada@Library.test ', password: 'correct horse', name: ' Ada Lovelace ' };

describe('MemberRegistrar', () => {
  let members: InMemoryMemberRepository;
  let hasher: FakePasswordHasher;
  let registrar: MemberRegistrar;
  let ids: number;

  beforeEach(() => {
    members = new InMemoryMemberRepository();
    hasher = new FakePasswordHasher();
    ids = 0;
    registrar = new MemberRegistrar(members, hasher, new FakeTokenIssuer(), {
      initialPoints: 30,
      clock: () => now,
      newId: () => `m-${(ids += 1)}`,
    });
  });

  it('stores a normalised MEMBER with the initial points and a hashed password, and signs them in', async () => {
    const session = await registrar.register(ada);
    expect(session.token).toBe('token-for:m-1:MEMBER');
    const [stored] = members.all();
    expect(stored).toMatchObject({
      id: 'm-1',
      email: 'ada@library.test',
      name: 'Ada Lovelace',
      role: 'MEMBER',
      points: 30,
      passwordHash: 'hashed:correct horse',
      registeredAt: now,
    });
    expect(stored?.pointsLedger).toHaveLength(1);
    expect(stored?.outbox.map((e) => e.type)).toEqual(['shelfmark.members.member-registered.v1']);
  });

  it('gives the configured number of initial points', async () => {
    const stingy = new MemberRegistrar(members, hasher, new FakeTokenIssuer(), { initialPoints: 5 });
    expect((await stingy.register(ada)).member.points).toBe(5);
  });

  it('refuses an e-mail that is already registered, whatever its case', async () => {
    await registrar.register(ada);
    const again = registrar.register({ ...ada, email: 'ADA@library.TEST' });
    await expect(again).rejects.toThrow(AlreadyExists);
    await expect(again).rejects.toMatchObject({ code: 'ALREADY_EXISTS', details: { field: 'email' } });
    expect(members.all()).toHaveLength(1);
  });

  it.each<[string, Partial<Registration>]>([
    ['email', { email: 'not-an-address' }],
    ['password', { password: 'short' }],
    ['name', { name: '  ' }],
  ])('refuses a bad %s before hashing anything', async (field, change) => {
    await expect(registrar.register({ ...ada, ...change })).rejects.toThrow(
      expect.objectContaining({ constructor: InvalidInput, field }) as Error,
    );
    expect(hasher.hashed).toEqual([]);
    expect(members.all()).toEqual([]);
  });
});
