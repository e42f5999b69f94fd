import type { ShelfmarkEvent } from '@shelfmark/events';
import { errorCode, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@shelfmark/testing';
import { membersSubgraph } from '../src';
import { MemberSchema } from '../src/adapters/persistence/member.schema';
import { MikroOrmMemberRepository } from '../src/adapters/persistence/MikroOrmMemberRepository';
import { aMember } from './support/builders';

const ADMIN = { email: 'admin@library.test', password: 'correct horse battery staple' };

const MEMBER_FIELDS = /* GraphQL */ `
  id name role status points registeredAt
  card { number issuedAt expiresAt }
`;
const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterMemberInput!) {
    registerMember(input: $input) { token member { ${MEMBER_FIELDS} email pointsLedger { at delta reason balance } } }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      member {
        id
        email
        role
      }
    }
  }
`;
const ME = /* GraphQL */ `
  query Me { me { ${MEMBER_FIELDS} email pointsLedger { delta reason balance } } }
`;
const ENTITY = (field: string) => /* GraphQL */ `
  query Entity($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { id name ${field} } } }
`;

interface MemberData {
  id: string;
  name: string;
  role: string;
  status: string;
  points: number;
  registeredAt: string;
  email?: string;
  card: { number: string; issuedAt: string; expiresAt: string } | null;
  pointsLedger?: { at?: string; delta: number; reason: string; balance: number }[];
}
type AuthData = { token: string; member: MemberData };

describe('members subgraph (SQLite)', () => {
  let t: TestSubgraph;

  beforeAll(async () => {
    t = await startTestSubgraph(membersSubgraph({ initialPoints: 30, tokenTtlSeconds: 3600, admin: ADMIN }));
  });
  afterAll(() => t.stop());

  let registered = 0;
  const register = (input: Partial<{ email: string; password: string; name: string }> = {}) =>
    t.request<{ registerMember: AuthData }>(REGISTER, {
      input: {
        email: `reader${(registered += 1)}@library.test`,
        password: 'a long enough password',
        name: 'A Reader',
        ...input,
      },
    });
  const registeredMember = async (input: Parameters<typeof register>[0] = {}) => {
    const res = await register(input);
    expect(res.errors).toBeUndefined();
    return res.data!.registerMember;
  };
  const me = (token?: string) => t.request<{ me: MemberData | null }>(ME, {}, token ? { token } : {});
  const login = (email: string, password: string) =>
    t.request<{ login: AuthData }>(LOGIN, { email, password });
  const published = (type: string, memberId: string) => {
    const ids = new Set(
      t.published.filter((e) => e.type === type && e.subject === memberId).map((e) => e.id),
    );
    return [...ids];
  };

  describe('registerMember', () => {
    it('creates an ACTIVE MEMBER with 30 points on the ledger, and a token that signs them in', async () => {
      const { token, member } = await registeredMember({
        email: '  Ada@Library.TEST ',
        name: ' Ada Lovelace ',
      });
      expect(member).toMatchObject({
        email: 'ada@library.test',
        name: 'Ada Lovelace',
        role: 'MEMBER',
        status: 'ACTIVE',
        points: 30,
        card: null,
        pointsLedger: [{ delta: 30, balance: 30, reason: 'Welcome to the library' }],
      });
      expect(new Date(member.pointsLedger![0]!.at!).getTime()).toBe(new Date(member.registeredAt).getTime());

      const res = await me(token);
      expect(res.errors).toBeUndefined();
      expect(res.data?.me).toMatchObject({ id: member.id, email: 'ada@library.test', name: 'Ada Lovelace' });

      await t.flush();
      const [event] = t.published.filter(
        (e) => e.type === 'shelfmark.members.member-registered.v1' && e.subject === member.id,
      );
      expect(event?.data).toEqual({
        memberId: member.id,
        email: 'ada@library.test',
        name: 'Ada Lovelace',
        role: 'MEMBER',
        points: 30,
      });
    });

    it('refuses an e-mail already registered, in any case, with ALREADY_EXISTS', async () => {
      await registeredMember({ email: 'grace@library.test' });
      const dup = await register({ email: ' GRACE@Library.test' });
      expect(errorCode(dup)).toBe('ALREADY_EXISTS');
      expect(dup.errors?.[0]?.extensions?.['field']).toBe('email');
    });

    it('lets exactly one of two simultaneous registrations of one address win', async () => {
      const results = await Promise.all([
        register({ email: 'twin@library.test' }),
        register({ email: 'TWIN@library.test' }),
      ]);
      const codes = results.map((r) => (r.errors ? errorCode(r) : 'OK')).sort();
      expect(codes).toEqual(['ALREADY_EXISTS', 'OK']);
      expect(await t.subgraph.orm.em.fork().count(MemberSchema, { email: 'twin@library.test' })).toBe(1);
    });

    it('turns a unique-index violation on the e-mail into ALREADY_EXISTS, not an internal error', async () => {
      await registeredMember({ email: 'race@library.test' });
      const members = new MikroOrmMemberRepository(t.subgraph.orm.em.fork());
      // A writer that skipped the look-up: only the unique index stands in the way.
      await expect(
        members.add(aMember().withId('racer').withEmail('race@library.test').build()),
      ).rejects.toMatchObject({
        code: 'ALREADY_EXISTS',
      });
    });

    it.each([
      ['a malformed email', 'email', { email: 'not-an-address' }, /not a valid e-mail address/],
      ['a 5-character password', 'password', { password: 'short' }, /at least 8 characters/],
      ['a 257-character password', 'password', { password: 'x'.repeat(257) }, /at most 256 characters/],
      ['a blank name', 'name', { name: '   ' }, /must not be empty/],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_, field, input, message) => {
      const res = await register(input);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.['field']).toBe(field);
      expect(res.errors?.[0]?.message).toMatch(message);
    });
  });

  describe('login and me', () => {
    it('signs in with the right password, whatever the case of the e-mail', async () => {
      const { member } = await registeredMember({
        email: 'hopper@library.test',
        password: 'the right password',
      });
      const res = await login('HOPPER@library.test', 'the right password');
      expect(res.errors).toBeUndefined();
      expect(res.data?.login.member).toEqual({ id: member.id, email: 'hopper@library.test', role: 'MEMBER' });
      expect((await me(res.data!.login.token)).data?.me?.id).toBe(member.id);
    });

    it('answers a wrong password and an unknown e-mail alike: UNAUTHENTICATED, same message', async () => {
      await registeredMember({ email: 'lamarr@library.test', password: 'the right password' });
      const wrongPassword = await login('lamarr@library.test', 'the wrong password');
      const unknownEmail = await login('nobody@library.test', 'the right password');
      expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
      expect(errorCode(unknownEmail)).toBe('UNAUTHENTICATED');
      expect(unknownEmail.errors?.[0]?.message).toBe(wrongPassword.errors?.[0]?.message);
      expect(wrongPassword.errors?.[0]?.message).toBe('The e-mail or password is incorrect.');
      expect(wrongPassword.data).toBeNull();
    });

    it('gives null for me, and no error, when nobody is signed in', async () => {
      const res = await me();
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ me: null });
    });
  });

  describe('private fields', () => {
    let owner: AuthData;
    let other: AuthData;
    const entity = (field: string, token?: string) =>
      t.request<{ _entities: (MemberData | null)[] }>(
        ENTITY(field),
        { reps: [{ __typename: 'Member', id: owner.member.id }] },
        token ? { token } : {},
      );

    beforeAll(async () => {
      owner = await registeredMember({ email: 'owner@library.test', name: 'Owner' });
      other = await registeredMember({ email: 'other@library.test', name: 'Other' });
    });

    it.each(['email', 'pointsLedger { delta }'])(
      'refuses %s to another member and to anonymous callers with FORBIDDEN',
      async (field) => {
        for (const token of [other.token, undefined]) {
          const res = await entity(field, token);
          expect(errorCode(res)).toBe('FORBIDDEN');
          expect(JSON.stringify(res.data)).not.toContain('owner@library.test');
        }
      },
    );

    it('shows public fields to anyone', async () => {
      const res = await entity('points', other.token);
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual([{ id: owner.member.id, name: 'Owner', points: 30 }]);
    });

    it('shows e-mail and ledger to a librarian and to the member themself', async () => {
      const librarian = await t.tokenFor({ memberId: 'lib-1', role: 'LIBRARIAN' });
      for (const token of [librarian, owner.token]) {
        const res = await entity('email pointsLedger { delta balance }', token);
        expect(res.errors).toBeUndefined();
        expect(res.data?._entities).toEqual([
          {
            id: owner.member.id,
            name: 'Owner',
            email: 'owner@library.test',
            pointsLedger: [{ delta: 30, balance: 30 }],
          },
        ]);
      }
    });

    it('resolves several references in order; an unknown id is null with a NOT_FOUND error at its place', async () => {
      const res = await t.request<{ _entities: ({ id: string } | null)[] }>(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { id } } }`,
        {
          reps: [other.member.id, 'no-such-member', owner.member.id].map((id) => ({
            __typename: 'Member',
            id,
          })),
        },
      );
      // The router reports the reason where the member was wanted (docs/adr/0011-references-across-subgraphs.md).
      expect(res.errors?.map((e) => [e.extensions?.['code'], e.path])).toEqual([
        ['NOT_FOUND', ['_entities', 1]],
      ]);
      expect(res.data?._entities).toEqual([{ id: other.member.id }, null, { id: owner.member.id }]);
    });
  });

  describe('member card (issued asynchronously from member-registered)', () => {
    it('appears once the registration event is consumed: SM-########, valid for three years', async () => {
      const { token, member } = await registeredMember();
      expect(member.card).toBeNull();
      await t.flush();
      const card = (await me(token)).data?.me?.card;
      expect(card?.number).toMatch(/^SM-\d{8}$/);
      const expires = new Date(card!.issuedAt);
      expires.setUTCFullYear(expires.getUTCFullYear() + 3);
      expect(new Date(card!.expiresAt)).toEqual(expires);

      const [issued] = t.published.filter(
        (e) => e.type === 'shelfmark.members.member-card-issued.v1' && e.subject === member.id,
      );
      expect(issued?.data).toEqual({
        memberId: member.id,
        number: card!.number,
        issuedAt: card!.issuedAt,
        expiresAt: card!.expiresAt,
      });
    });

    it('issues no second card when member-registered is delivered again', async () => {
      const { token, member } = await registeredMember();
      await t.flush();
      const first = (await me(token)).data?.me?.card;
      expect(first).not.toBeNull();
      const registration = t.published.find(
        (e): e is ShelfmarkEvent<'shelfmark.members.member-registered.v1'> =>
          e.type === 'shelfmark.members.member-registered.v1' && e.subject === member.id,
      )!;

      await t.deliver(registration);
      await t.deliver({ ...registration, id: `${registration.id}-replayed` });
      await t.flush();

      expect((await me(token)).data?.me?.card).toEqual(first);
      expect(published('shelfmark.members.member-card-issued.v1', member.id)).toHaveLength(1);
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('dead-letters a member-registered event that breaks its contract, and keeps issuing cards', async () => {
      const { member } = await registeredMember();
      await t.flush();
      const registration = t.published.find(
        (e) => e.type === 'shelfmark.members.member-registered.v1' && e.subject === member.id,
      )!;
      const broken = {
        ...registration,
        id: 'broken-1',
        data: { ...registration.data, email: 'not an e-mail', points: -5 },
      };

      await t.deliver(broken);
      expect(t.deadLetters.letters).toEqual([
        expect.objectContaining({
          // The consumer group: the subgraph's name, then the consumer's.
          consumer: 'members.IssueMemberCardOnMemberRegistered',
          event: expect.objectContaining({ id: 'broken-1' }) as unknown,
          error: expect.objectContaining({ name: 'ContractViolation' }) as unknown,
        }),
      ]);

      const next = await registeredMember();
      await t.flush();
      expect((await me(next.token)).data?.me?.card?.number).toMatch(/^SM-\d{8}$/);
    });
  });

  describe('admin bootstrap', () => {
    const admins = () => t.subgraph.orm.em.fork().count(MemberSchema, { role: 'ADMIN' });

    it('creates exactly one admin, across a restart, who can sign in', async () => {
      expect(await admins()).toBe(1);
      await t.restart();
      expect(await admins()).toBe(1);

      const res: GraphQLResponse<{ login: AuthData }> = await login(ADMIN.email, ADMIN.password);
      expect(res.errors).toBeUndefined();
      expect(res.data?.login.member).toMatchObject({ email: ADMIN.email, role: 'ADMIN' });
      const adminMe = (await me(res.data!.login.token)).data?.me;
      expect(adminMe).toMatchObject({ role: 'ADMIN', name: 'Administrator' });

      await t.flush();
      expect(published('shelfmark.members.member-registered.v1', adminMe!.id)).toHaveLength(1);
      expect(adminMe?.card?.number).toMatch(/^SM-\d{8}$/);
    });
  });
});
