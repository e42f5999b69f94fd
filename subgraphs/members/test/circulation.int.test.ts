import { ConcurrentChange } from '@shelfmark/errors';
import { createEvent, silentLogger, type EventData, type EventType, type Logger } from '@shelfmark/events';
import { errorCode, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@shelfmark/testing';
import { membersSubgraph } from '../src';
import { RefundHoldPointsOnHoldEnded } from '../src/adapters/events/RefundHoldPointsOnHoldEnded';
import { HoldPointsRefunder } from '../src/application/refund-points/HoldPointsRefunder';
import { HoldPointsSpender } from '../src/application/spend-points/HoldPointsSpender';
import { InsufficientPoints, type Member, type MemberRepository } from '../src/domain';
import { MemberSchema } from '../src/adapters/persistence/member.schema';
import { MikroOrmMemberRepository } from '../src/adapters/persistence/MikroOrmMemberRepository';
import { aMember } from './support/builders';

const MEMBER = /* GraphQL */ `id status points blockedReason pointsLedger { delta reason balance }`;
const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterMemberInput!) {
    registerMember(input: $input) {
      token
      member {
        id
      }
    }
  }
`;
const GRANT = /* GraphQL */ `
  mutation Grant($memberId: ID!, $points: Int!, $reason: String!) {
    grantPoints(memberId: $memberId, points: $points, reason: $reason) { ${MEMBER} }
  }
`;
const BLOCK = /* GraphQL */ `
  mutation Block($memberId: ID!, $reason: String!) { blockMember(memberId: $memberId, reason: $reason) { ${MEMBER} } }
`;
const UNBLOCK = /* GraphQL */ `
  mutation Unblock($memberId: ID!) { unblockMember(memberId: $memberId) { ${MEMBER} } }
`;
const SPEND = /* GraphQL */ `
  mutation Spend($holdId: ID!, $points: Int!, $deadline: DateTime!) {
    spendPointsForHold(holdId: $holdId, points: $points, deadline: $deadline)
  }
`;
const ME = /* GraphQL */ `query Me { me { ${MEMBER} } }`;
const ENTITY = (fields: string) => /* GraphQL */ `
  query Entity($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { ${fields} } } }
`;

interface MemberData {
  id: string;
  status: 'ACTIVE' | 'BLOCKED';
  points: number;
  blockedReason: string | null;
  pointsLedger: { delta: number; reason: string; balance: number }[];
}

const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

describe('members: points and blocks (circulation)', () => {
  let t: TestSubgraph;
  let librarian: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestSubgraph(membersSubgraph({ initialPoints: 30, tokenTtlSeconds: 3600 }));
    // Staff with accounts: members acts only for members it has (docs/adr/0010-who-may-act.md).
    const staff = new MikroOrmMemberRepository(t.subgraph.orm.em.fork());
    await staff.add(aMember().withId('lib-1').withEmail('lib-1@library.test').librarian().build());
    await staff.add(aMember().withId('adm-1').withEmail('adm-1@library.test').admin().build());
    librarian = await t.tokenFor({ memberId: 'lib-1', role: 'LIBRARIAN' });
    admin = await t.tokenFor({ memberId: 'adm-1', role: 'ADMIN' });
  });
  afterAll(() => t.stop());

  let registered = 0;
  /** A freshly registered member: their id and their own token. */
  const aReader = async () => {
    const res = await t.request<{ registerMember: { token: string; member: { id: string } } }>(REGISTER, {
      input: {
        email: `circ${(registered += 1)}@library.test`,
        password: 'a long enough password',
        name: 'A Reader',
      },
    });
    expect(res.errors).toBeUndefined();
    const { token, member } = res.data!.registerMember;
    return { id: member.id, token };
  };
  const as = (token?: string) => (token ? { token } : {});
  /** The refund use case as the subgraph wires it: a fresh unit of work per attempt. */
  const refunder = () =>
    new HoldPointsRefunder(
      () => new MikroOrmMemberRepository(t.subgraph.orm.em.fork()),
      () => new Date(),
    );

  const grant = (memberId: string, points: number, reason: string, token?: string) =>
    t.request<{ grantPoints: MemberData }>(GRANT, { memberId, points, reason }, as(token));
  const block = (memberId: string, reason: string, token?: string) =>
    t.request<{ blockMember: MemberData }>(BLOCK, { memberId, reason }, as(token));
  const unblock = (memberId: string, token?: string) =>
    t.request<{ unblockMember: MemberData }>(UNBLOCK, { memberId }, as(token));
  const spend = (token: string | undefined, holdId: string, points = 10, deadline = inAMinute()) =>
    t.request<{ spendPointsForHold: number }>(SPEND, { holdId, points, deadline }, as(token));
  const me = async (token: string) => {
    const res = await t.request<{ me: MemberData }>(ME, {}, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.me;
  };
  /** The member as stored, read past the API. */
  const stored = (id: string) => t.subgraph.orm.em.fork().findOneOrFail(MemberSchema, { id });
  const publishedData = async <T extends EventType>(type: T, memberId: string) => {
    await t.flush();
    const seen = new Set<string>();
    return t.published
      .filter((e) => e.type === type && e.subject === memberId && !seen.has(e.id) && seen.add(e.id))
      .map((e) => e.data as EventData<T>);
  };
  const pointsChanged = (memberId: string) => publishedData('shelfmark.members.points-changed.v1', memberId);
  const expectError = (res: GraphQLResponse<unknown>, code: string, field?: string) => {
    expect(errorCode(res)).toBe(code);
    if (field) expect(res.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(res.data ?? null).toBeNull();
  };
  /** A staff account that exists (the rules about blocking staff look at the target's role). */
  const aStaffMember = async (id: string, role: 'librarian' | 'admin') => {
    const builder = aMember().withId(id).withEmail(`${id}@library.test`);
    await new MikroOrmMemberRepository(t.subgraph.orm.em.fork()).add(builder[role]().build());
  };

  /** A loans event, as loans would publish it. */
  const loansEvent = <T extends EventType>(type: T, subject: string, data: EventData<T>) =>
    createEvent(type, subject, data);
  const holdCancelled = (memberId: string, holdId: string, pointsRefunded = 10) =>
    loansEvent('shelfmark.loans.hold-cancelled.v1', memberId, {
      holdId,
      memberId,
      bookId: 'dune',
      pointsRefunded,
      copy: null,
    });
  const holdExpired = (memberId: string, holdId: string) =>
    loansEvent('shelfmark.loans.hold-expired.v1', memberId, {
      holdId,
      memberId,
      bookId: 'dune',
      pointsRefunded: 10,
      copyId: 'copy-1',
      nextHold: null,
    });
  const holdAbandoned = (memberId: string, holdId: string) =>
    loansEvent('shelfmark.loans.hold-abandoned.v1', memberId, {
      holdId,
      memberId,
      bookId: 'dune',
      points: 10,
    });
  const loanReturned = (memberId: string, loanId: string, onTime: boolean) =>
    loansEvent('shelfmark.loans.loan-returned.v1', memberId, {
      loanId,
      memberId,
      bookId: 'dune',
      copyId: 'copy-1',
      returnedAt: new Date().toISOString(),
      onTime,
      nextHold: null,
    });
  const refunds = async (memberId: string, holdId: string) =>
    (await stored(memberId)).pointsLedger.filter((e) => e.ref === `hold-refund:${holdId}`);

  describe('grantPoints', () => {
    it('lets a librarian add points, on the ledger and published as points-changed', async () => {
      const reader = await aReader();
      const res = await grant(reader.id, 15, ' Volunteered at the book sale ', librarian);
      expect(res.errors).toBeUndefined();
      expect(res.data?.grantPoints).toMatchObject({
        id: reader.id,
        points: 45,
        pointsLedger: [
          { delta: 30, balance: 30, reason: 'Welcome to the library' },
          { delta: 15, balance: 45, reason: 'Volunteered at the book sale' },
        ],
      });
      expect(await pointsChanged(reader.id)).toEqual([
        { memberId: reader.id, delta: 15, balance: 45, reason: 'Volunteered at the book sale', ref: null },
      ]);
    });

    it.each([
      ['zero points', 0, 'Nothing', 'points'],
      ['negative points', -5, 'Taking', 'points'],
      ['more than 10,000 points', 10_001, 'Too generous', 'points'],
      ['an empty reason', 5, '   ', 'reason'],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_, points, reason, field) => {
      const reader = await aReader();
      expectError(await grant(reader.id, points, reason, librarian), 'BAD_USER_INPUT', field);
      expect((await me(reader.token)).points).toBe(30);
    });

    it('refuses an unknown member with NOT_FOUND, a member with FORBIDDEN, anonymous with UNAUTHENTICATED', async () => {
      const reader = await aReader();
      expectError(await grant('no-such-member', 5, 'Hi', librarian), 'NOT_FOUND');
      expectError(await grant(reader.id, 5, 'Myself', reader.token), 'FORBIDDEN');
      expectError(await grant(reader.id, 5, 'Anyone'), 'UNAUTHENTICATED');
      expect((await me(reader.token)).points).toBe(30);
      expect(await pointsChanged(reader.id)).toEqual([]);
    });
  });

  describe('blockMember and unblockMember', () => {
    it('blocks with a reason the member and staff can read, and publishes member-blocked', async () => {
      const reader = await aReader();
      const res = await block(reader.id, '  Three books overdue ', librarian);
      expect(res.errors).toBeUndefined();
      expect(res.data?.blockMember).toMatchObject({
        id: reader.id,
        status: 'BLOCKED',
        blockedReason: 'Three books overdue',
      });
      expect(await me(reader.token)).toMatchObject({
        status: 'BLOCKED',
        blockedReason: 'Three books overdue',
      });
      expect(await publishedData('shelfmark.members.member-blocked.v1', reader.id)).toEqual([
        { memberId: reader.id, reason: 'Three books overdue', blockedBy: 'lib-1' },
      ]);
    });

    it('keeps the reason private: another member and anonymous callers get FORBIDDEN, status is public', async () => {
      const reader = await aReader();
      const other = await aReader();
      await block(reader.id, 'Private matter', librarian);
      const reps = [{ __typename: 'Member', id: reader.id }];
      for (const token of [other.token, undefined]) {
        const res = await t.request<{ _entities: MemberData[] }>(
          ENTITY('blockedReason'),
          { reps },
          as(token),
        );
        expect(errorCode(res)).toBe('FORBIDDEN');
        expect(JSON.stringify(res)).not.toContain('Private matter');
        const status = await t.request<{ _entities: MemberData[] }>(ENTITY('status'), { reps }, as(token));
        expect(status.data?._entities).toEqual([{ status: 'BLOCKED' }]);
      }
    });

    it('is idempotent both ways: no second event, the first reason kept', async () => {
      const reader = await aReader();
      await block(reader.id, 'First reason', librarian);
      const again = await block(reader.id, 'Second reason', admin);
      expect(again.errors).toBeUndefined();
      expect(again.data?.blockMember).toMatchObject({ status: 'BLOCKED', blockedReason: 'First reason' });

      const lifted = await unblock(reader.id, librarian);
      expect(lifted.errors).toBeUndefined();
      expect(lifted.data?.unblockMember).toMatchObject({ status: 'ACTIVE', blockedReason: null });
      const liftedAgain = await unblock(reader.id, librarian);
      expect(liftedAgain.data?.unblockMember).toMatchObject({ status: 'ACTIVE', blockedReason: null });

      expect(await publishedData('shelfmark.members.member-blocked.v1', reader.id)).toHaveLength(1);
      expect(await publishedData('shelfmark.members.member-unblocked.v1', reader.id)).toEqual([
        { memberId: reader.id, unblockedBy: 'lib-1' },
      ]);
      expect(await stored(reader.id)).toMatchObject({
        status: 'ACTIVE',
        blockedReason: null,
        blockedAt: null,
      });
    });

    it('stores when the block began', async () => {
      const reader = await aReader();
      const before = Date.now();
      await block(reader.id, 'Overdue', librarian);
      const blockedAt = (await stored(reader.id)).blockedAt!.getTime();
      expect(blockedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(blockedAt).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it.each([
      ['an empty reason', ''],
      ['a blank reason', '   '],
      ['a 501-character reason', 'x'.repeat(501)],
    ])('refuses %s with BAD_USER_INPUT naming reason', async (_, reason) => {
      const reader = await aReader();
      expectError(await block(reader.id, reason, librarian), 'BAD_USER_INPUT', 'reason');
      expect((await me(reader.token)).status).toBe('ACTIVE');
    });

    it('refuses an unknown member with NOT_FOUND, a member with FORBIDDEN, anonymous with UNAUTHENTICATED', async () => {
      const reader = await aReader();
      const other = await aReader();
      expectError(await block('no-such-member', 'Reason', librarian), 'NOT_FOUND');
      expectError(await unblock('no-such-member', librarian), 'NOT_FOUND');
      expectError(await block(reader.id, 'Reason', other.token), 'FORBIDDEN');
      expectError(await unblock(reader.id, other.token), 'FORBIDDEN');
      expectError(await block(reader.id, 'Reason'), 'UNAUTHENTICATED');
      expectError(await unblock(reader.id), 'UNAUTHENTICATED');
      expect((await me(reader.token)).status).toBe('ACTIVE');
    });

    it('lets only an admin block staff, and nobody block themself', async () => {
      // lib-1 (the caller) exists since beforeAll.
      await aStaffMember('lib-9', 'librarian');
      expectError(await block('lib-1', 'Myself', librarian), 'FORBIDDEN');
      expectError(await block('lib-9', 'A colleague', librarian), 'FORBIDDEN');
      const res = await block('lib-9', 'Misconduct', admin);
      expect(res.data?.blockMember).toMatchObject({ status: 'BLOCKED', blockedReason: 'Misconduct' });
      expectError(await unblock('lib-9', librarian), 'FORBIDDEN');
      expect((await unblock('lib-9', admin)).data?.unblockMember.status).toBe('ACTIVE');
    });
  });

  describe('spendPointsForHold (internal, for loans)', () => {
    it('is @inaccessible in the subgraph schema, so the router neither shows nor routes it', async () => {
      const res = await t.request<{ _service: { sdl: string } }>('{ _service { sdl } }');
      expect(res.data?._service.sdl).toMatch(
        /spendPointsForHold\(holdId: ID!, points: Int!, deadline: DateTime!\): Int! @inaccessible/,
      );
      expect(res.data?._service.sdl).toMatch(/grantPoints\([^)]*\): Member!\n/);
    });

    it("takes the points from the caller's own balance and answers with the new balance", async () => {
      const reader = await aReader();
      const res = await spend(reader.token, 'hold-a');
      expect(res.errors).toBeUndefined();
      expect(res.data?.spendPointsForHold).toBe(20);
      expect((await me(reader.token)).pointsLedger.at(-1)).toEqual({
        delta: -10,
        reason: 'Hold placed',
        balance: 20,
      });
      expect(await pointsChanged(reader.id)).toEqual([
        { memberId: reader.id, delta: -10, balance: 20, reason: 'Hold placed', ref: 'hold:hold-a' },
      ]);
    });

    it('answers a retry with the balance, paying once', async () => {
      const reader = await aReader();
      await spend(reader.token, 'hold-a');
      const retry = await spend(reader.token, 'hold-a');
      expect(retry.errors).toBeUndefined();
      expect(retry.data?.spendPointsForHold).toBe(20);
      expect((await me(reader.token)).pointsLedger.filter((e) => e.delta === -10)).toHaveLength(1);
      expect(await pointsChanged(reader.id)).toHaveLength(1);
    });

    it('refuses more than the balance with INSUFFICIENT_POINTS, in words a person understands', async () => {
      const reader = await aReader();
      const res = await spend(reader.token, 'hold-a', 31);
      expectError(res, 'INSUFFICIENT_POINTS');
      expect(res.errors?.[0]?.message).toBe('A hold costs 31 points; you have 30.');
      expect((await me(reader.token)).points).toBe(30);
    });

    it('refuses a blocked member with MEMBER_BLOCKED', async () => {
      const reader = await aReader();
      await block(reader.id, 'Overdue', librarian);
      expectError(await spend(reader.token, 'hold-a'), 'MEMBER_BLOCKED');
      expect((await me(reader.token)).points).toBe(30);
    });

    it('refuses with SERVICE_UNAVAILABLE, spending nothing, once the deadline has passed', async () => {
      const reader = await aReader();
      const res = await spend(reader.token, 'hold-a', 10, new Date(Date.now() - 1000).toISOString());
      expectError(res, 'SERVICE_UNAVAILABLE');
      expect((await me(reader.token)).points).toBe(30);
      expect(await pointsChanged(reader.id)).toEqual([]);
    });

    it('refuses anonymous callers with UNAUTHENTICATED', async () => {
      expectError(await spend(undefined, 'hold-a'), 'UNAUTHENTICATED');
    });

    it.each([
      ['negative points', -1, 'points'],
      ['an empty hold id', 10, 'holdId'],
    ])('refuses %s with BAD_USER_INPUT', async (_, points, field) => {
      const reader = await aReader();
      const holdId = field === 'holdId' ? ' ' : 'hold-a';
      expectError(await spend(reader.token, holdId, points), 'BAD_USER_INPUT', field);
    });

    it('lets exactly 3 of 20 simultaneous 10-point holds through 30 points: balance 0, ledger consistent', async () => {
      const reader = await aReader();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => spend(reader.token, `parallel-${i}`)),
      );
      const paid = results.filter((r) => r.errors === undefined);
      expect(paid.map((r) => r.data?.spendPointsForHold).sort()).toEqual([0, 10, 20]);
      expect(results.filter((r) => r.errors).map((r) => errorCode(r))).toEqual(
        Array.from({ length: 17 }, () => 'INSUFFICIENT_POINTS'),
      );

      const member = await stored(reader.id);
      expect(member.points).toBe(0);
      expect(member.pointsLedger.map((e) => [e.delta, e.balance])).toEqual([
        [30, 30],
        [-10, 20],
        [-10, 10],
        [-10, 0],
      ]);
      expect(new Set(member.pointsLedger.map((e) => e.ref)).size).toBe(4);
      expect((await pointsChanged(reader.id)).map((e) => e.balance).sort()).toEqual([0, 10, 20]);
    });

    it('retries, in a fresh unit of work, a payment that lost the race: it never overdraws', async () => {
      const reader = await aReader();
      let raced = false;
      // Another payment commits between this one's read and its write.
      const racing = (): MemberRepository => {
        const members = new MikroOrmMemberRepository(t.subgraph.orm.em.fork());
        return Object.assign(Object.create(members) as MemberRepository, {
          save: async (member: Member) => {
            if (!raced) {
              raced = true;
              expect((await spend(reader.token, 'hold-first', 25)).data?.spendPointsForHold).toBe(5);
            }
            return members.save(member);
          },
        });
      };
      const spender = new HoldPointsSpender(racing, () => new Date());
      await expect(
        spender.spend({
          memberId: reader.id,
          holdId: 'hold-second',
          points: 10,
          deadline: new Date(Date.now() + 60_000),
        }),
      ).rejects.toThrow(InsufficientPoints);
      expect((await stored(reader.id)).points).toBe(5);
    });

    it('refuses the losing write of two concurrent ones with ConcurrentChange (the optimistic lock)', async () => {
      const reader = await aReader();
      await t.flush(); // the relay marking member-registered published would be a third writer
      const first = new MikroOrmMemberRepository(t.subgraph.orm.em.fork());
      const second = new MikroOrmMemberRepository(t.subgraph.orm.em.fork());
      const [a, b] = await Promise.all([first.byId(reader.id), second.byId(reader.id)]);
      a!.spendForHold('hold-a', 30, new Date());
      b!.spendForHold('hold-b', 30, new Date());
      await first.save(a!);
      await expect(second.save(b!)).rejects.toThrow(ConcurrentChange);
      expect((await stored(reader.id)).pointsLedger.map((e) => e.ref)).toEqual([null, 'hold:hold-a']);
    });

    it('pays once when the same hold is paid for 10 times at once', async () => {
      const reader = await aReader();
      const results = await Promise.all(Array.from({ length: 10 }, () => spend(reader.token, 'same-hold')));
      expect(results.map((r) => r.data?.spendPointsForHold)).toEqual(Array.from({ length: 10 }, () => 20));
      expect((await stored(reader.id)).pointsLedger).toHaveLength(2);
    });
  });

  describe('consumed events', () => {
    it.each([
      ['hold-cancelled', holdCancelled, 'Hold cancelled: points refunded'],
      ['hold-expired', holdExpired, 'Hold expired unused: points refunded'],
      ['hold-abandoned', holdAbandoned, 'Hold not completed: points refunded'],
    ])('refunds a %s hold once, though the event comes twice', async (_, event, reason) => {
      const reader = await aReader();
      await spend(reader.token, 'hold-r');
      const ended = event(reader.id, 'hold-r');
      await t.deliver(ended);
      await t.deliver(ended);
      expect((await me(reader.token)).points).toBe(30);
      expect(await refunds(reader.id, 'hold-r')).toHaveLength(1);
      expect((await pointsChanged(reader.id)).at(-1)).toEqual({
        memberId: reader.id,
        delta: 10,
        balance: 30,
        reason,
        ref: 'hold-refund:hold-r',
      });
      expect(await pointsChanged(reader.id)).toHaveLength(2);
      expect((await stored(reader.id)).hasHandled(ended.id)).toBe(true);
    });

    it('refunds once when two different events end the same hold', async () => {
      const reader = await aReader();
      await spend(reader.token, 'hold-r');
      await t.deliver(holdCancelled(reader.id, 'hold-r'));
      await t.deliver(holdAbandoned(reader.id, 'hold-r'));
      expect((await me(reader.token)).points).toBe(30);
      expect(await refunds(reader.id, 'hold-r')).toHaveLength(1);
    });

    it('refunds nothing for a hold that was never paid for', async () => {
      const reader = await aReader();
      await t.deliver(holdAbandoned(reader.id, 'never-paid'));
      expect((await me(reader.token)).points).toBe(30);
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('refunds what the ledger says was paid, not what the event claims, and logs the difference', async () => {
      const reader = await aReader();
      await spend(reader.token, 'hold-m', 10);
      const warnings: object[] = [];
      const logger: Logger = { ...silentLogger, warn: (obj) => void warnings.push(obj) };
      const consumer = new RefundHoldPointsOnHoldEnded(refunder(), logger);
      await consumer.handle(holdCancelled(reader.id, 'hold-m', 7));
      expect((await me(reader.token)).points).toBe(30);
      expect(warnings).toEqual([expect.objectContaining({ holdId: 'hold-m', claimed: 7, spent: 10 })]);
    });

    it('refunds once when the same event is handled by several replicas at the same moment', async () => {
      const reader = await aReader();
      await spend(reader.token, 'hold-p');
      const ended = holdCancelled(reader.id, 'hold-p');
      const replicas = Array.from(
        { length: 5 },
        () => new RefundHoldPointsOnHoldEnded(refunder(), silentLogger),
      );
      await Promise.all([
        ...replicas.map((replica) => replica.handle(ended)),
        t.deliver(ended),
        t.deliver(ended),
      ]);
      expect((await me(reader.token)).points).toBe(30);
      expect(await refunds(reader.id, 'hold-p')).toHaveLength(1);
      expect(t.deadLetters.letters).toEqual([]);
    });

    it('rewards an on-time return with 1 point, once, though the event comes twice', async () => {
      const reader = await aReader();
      const returned = loanReturned(reader.id, 'loan-1', true);
      await t.deliver(returned);
      await t.deliver(returned);
      await t.deliver(loanReturned(reader.id, 'loan-1', true));
      expect((await me(reader.token)).points).toBe(31);
      expect(await pointsChanged(reader.id)).toEqual([
        { memberId: reader.id, delta: 1, balance: 31, reason: 'Returned on time', ref: 'loan:loan-1' },
      ]);
    });

    it('rewards once when the same return is handled in parallel', async () => {
      const reader = await aReader();
      const returned = loanReturned(reader.id, 'loan-p', true);
      await Promise.all([t.deliver(returned), t.deliver(returned), t.deliver(returned)]);
      expect((await me(reader.token)).points).toBe(31);
    });

    it('gives nothing for a late return', async () => {
      const reader = await aReader();
      await t.deliver(loanReturned(reader.id, 'loan-late', false));
      expect((await me(reader.token)).points).toBe(30);
      expect(await pointsChanged(reader.id)).toEqual([]);
    });

    it('dead-letters an event about a member it does not know', async () => {
      const before = t.deadLetters.letters.length;
      await t.deliver(holdCancelled('no-such-member', 'hold-x'));
      await t.deliver(loanReturned('no-such-member', 'loan-x', true));
      expect(t.deadLetters.letters.slice(before)).toEqual([
        expect.objectContaining({
          consumer: 'members.RefundHoldPointsOnHoldEnded',
          error: expect.objectContaining({ name: 'MemberNotFound' }) as unknown,
        }),
        expect.objectContaining({
          consumer: 'members.RewardOnTimeReturnOnLoanReturned',
          error: expect.objectContaining({ name: 'MemberNotFound' }) as unknown,
        }),
      ]);
    });
  });

  describe('members written before this change', () => {
    it('read ledger entries written without a ref as having none', async () => {
      const reader = await aReader();
      const em = t.subgraph.orm.em.fork();
      // What an older version of members wrote: ledger entries without a ref.
      await em.nativeUpdate(
        MemberSchema,
        { id: reader.id },
        {
          pointsLedger: [
            { at: new Date().toISOString(), delta: 30, reason: 'Welcome to the library', balance: 30 },
          ],
        },
      );
      const member = await stored(reader.id);
      expect(member.pointsLedger[0]?.ref).toBeNull();
      expect(member.blockedReason).toBeNull();
      expect((await spend(reader.token, 'hold-old')).data?.spendPointsForHold).toBe(20);
      await t.deliver(holdCancelled(reader.id, 'hold-old'));
      expect((await me(reader.token)).points).toBe(30);
    });
  });
});
