import { errorCode, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@shelfmark/testing';
import { membersSubgraph } from '../src';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterMemberInput!) {
    registerMember(input: $input) {
      member {
        id
        points
        status
      }
    }
  }
`;
const GRANT = /* GraphQL */ `
  mutation Grant($memberId: ID!) {
    grantPoints(memberId: $memberId, points: 5, reason: "Volunteered") {
      points
    }
  }
`;
const BLOCK = /* GraphQL */ `
  mutation Block($memberId: ID!) {
    blockMember(memberId: $memberId, reason: "Unpaid fines") {
      status
    }
  }
`;
const UNBLOCK = /* GraphQL */ `
  mutation Unblock($memberId: ID!) {
    unblockMember(memberId: $memberId) {
      status
    }
  }
`;
const SPEND = /* GraphQL */ `
  mutation Spend($holdId: ID!, $deadline: DateTime!) {
    spendPointsForHold(holdId: $holdId, points: 10, deadline: $deadline)
  }
`;
const ME = /* GraphQL */ `
  query {
    me {
      id
    }
  }
`;

/** docs/adr/0010-who-may-act.md: members acts only for accounts it has, whatever the token says. */
describe('who members acts for (SQLite)', () => {
  let t: TestSubgraph;
  let memberId: string;

  beforeAll(async () => {
    t = await startTestSubgraph(membersSubgraph({ initialPoints: 30, tokenTtlSeconds: 3600 }));
    const registered = await t.request<{ registerMember: { member: { id: string } } }>(REGISTER, {
      input: { email: 'ada@library.test', password: 'a long enough password', name: 'Ada' },
    });
    memberId = registered.data!.registerMember.member.id;
  });
  afterAll(() => t.stop());

  const expectUnknownMember = (response: GraphQLResponse<unknown>) => {
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.extensions?.['reason']).toBe('MEMBER_UNKNOWN');
  };
  const pointsOf = async (token: string) =>
    (
      await t.request<{ _entities: { points: number; status: string }[] }>(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { points status } } }`,
        { reps: [{ __typename: 'Member', id: memberId }] },
        { token },
      )
    ).data!._entities[0]!;

  it('regression: a staff token for an account members does not have grants, blocks and unblocks nothing', async () => {
    const ghost = await t.tokenFor({ memberId: 'ghost-admin', role: 'ADMIN' });
    expectUnknownMember(await t.request(GRANT, { memberId }, { token: ghost }));
    expectUnknownMember(await t.request(BLOCK, { memberId }, { token: ghost }));
    expectUnknownMember(await t.request(UNBLOCK, { memberId }, { token: ghost }));
    expect(await pointsOf(ghost)).toEqual({ points: 30, status: 'ACTIVE' });
  });

  it('regression: a token for an account members does not have pays for no hold', async () => {
    const ghost = await t.tokenFor({ memberId: 'ghost', role: 'MEMBER' });
    expectUnknownMember(
      await t.request(
        SPEND,
        { holdId: 'h-1', deadline: new Date(Date.now() + 60_000).toISOString() },
        { token: ghost },
      ),
    );
  });

  it('answers me with null for such a token: reading is allowed, there is nobody to show', async () => {
    const ghost = await t.tokenFor({ memberId: 'ghost', role: 'MEMBER' });
    const me = await t.request<{ me: null }>(ME, {}, { token: ghost });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toBeNull();
  });
});
