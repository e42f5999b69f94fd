import { errorCode, startTestSubgraph, type TestSubgraph } from '@shelfmark/testing';
import { membersSubgraph } from '../src';
import { MemberSchema } from '../src/adapters/persistence/member.schema';

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
const SEARCH = /* GraphQL */ `
  query Members($search: String!, $first: Int, $after: String) {
    members(search: $search, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          email
          status
          blockedReason
          card {
            number
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const BLOCK = `mutation Block($memberId: ID!, $reason: String!) { blockMember(memberId: $memberId, reason: $reason) { id } }`;

interface Page {
  members: {
    totalCount: number;
    edges: {
      cursor: string;
      node: {
        id: string;
        name: string;
        email: string;
        status: string;
        blockedReason: string | null;
        card: { number: string } | null;
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** The desk's member lookup, on a real database (SQLite here; MongoDB under the mongo project). */
describe('members(search): librarians look members up by name, e-mail or card number', () => {
  const ADMIN = { email: 'admin@desk.test', password: 'correct horse battery staple' };
  let t: TestSubgraph;
  let librarian: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestSubgraph(membersSubgraph({ admin: ADMIN }));
    for (const [name, email] of [
      ['Ada Lovelace', 'ada@desk.test'],
      ['Émile Zola', 'emile@desk.test'],
      ['Grace Hopper', 'grace_hopper@desk.test'],
      ['Gracey Ho', 'grace.y@desk.test'],
      ['Percent 100% Sure', 'percent@desk.test'],
    ] as const) {
      const registered = await t.request<{ registerMember: { token: string; member: { id: string } } }>(
        REGISTER,
        { input: { email, name, password: 'a long enough password' } },
      );
      expect(registered.errors).toBeUndefined();
      ids.set(name, registered.data!.registerMember.member.id);
    }
    await t.flush(); // cards are issued from member-registered
    const login = await t.request<{ login: { token: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      ADMIN,
    );
    librarian = login.data!.login.token;
  });
  afterAll(() => t.stop());

  const search = (text: string, options: { first?: number; after?: string; token?: string } = {}) =>
    t.request<Page>(
      SEARCH,
      { search: text, first: options.first ?? 20, after: options.after ?? null },
      { token: options.token ?? librarian },
    );
  const names = async (text: string) => {
    const response = await search(text);
    expect(response.errors).toBeUndefined();
    return response.data!.members.edges.map((edge) => edge.node.name);
  };

  it('finds by name, ignoring case in any alphabet, every word matching', async () => {
    expect(await names('lovelace')).toEqual(['Ada Lovelace']);
    expect(await names('ÉMILE')).toEqual(['Émile Zola']);
    expect(await names('zola émile')).toEqual(['Émile Zola']);
    expect(await names('ada zola')).toEqual([]);
  });

  it('finds by e-mail, and by card number as issued (typed in any case)', async () => {
    expect(await names('ADA@DESK')).toEqual(['Ada Lovelace']);
    const adaId = ids.get('Ada Lovelace')!;
    const card = (await t.request<Page>(SEARCH, { search: 'ada@desk.test' }, { token: librarian })).data!
      .members.edges[0]!.node.card!.number;
    expect(card).toMatch(/^SM-\d{8}$/);
    const byCard = await search(card.toLowerCase());
    expect(byCard.data!.members.edges.map((edge) => edge.node.id)).toEqual([adaId]);
  });

  it('takes %, _ and \\ literally (LIKE-escaped), not as wildcards', async () => {
    expect(await names('grace_')).toEqual(['Grace Hopper']);
    expect(await names('100%')).toEqual(['Percent 100% Sure']);
    expect(await names('%')).toEqual(['Percent 100% Sure']);
    expect(await names('\\')).toEqual([]);
  });

  it('shows a librarian the private details the desk needs: e-mail, status and why blocked', async () => {
    const adaId = ids.get('Ada Lovelace')!;
    expect(
      (await t.request(BLOCK, { memberId: adaId, reason: 'Lost three books' }, { token: librarian })).errors,
    ).toBeUndefined();
    const [ada] = (await search('lovelace')).data!.members.edges;
    expect(ada!.node).toMatchObject({
      email: 'ada@desk.test',
      status: 'BLOCKED',
      blockedReason: 'Lost three books',
    });
  });

  it('pages through the matches sorted by name', async () => {
    const first = await search('desk.test', { first: 2 });
    expect(first.data!.members.totalCount).toBe(6); // the admin too
    expect(first.data!.members.pageInfo.hasNextPage).toBe(true);
    const seen = first.data!.members.edges.map((edge) => edge.node.name);
    let after = first.data!.members.pageInfo.endCursor!;
    for (;;) {
      const page = await search('desk.test', { first: 2, after });
      seen.push(...page.data!.members.edges.map((edge) => edge.node.name));
      if (!page.data!.members.pageInfo.hasNextPage) break;
      after = page.data!.members.pageInfo.endCursor!;
    }
    expect(seen).toHaveLength(6);
    expect(seen).toEqual([...seen].sort());
  });

  it('refuses members (FORBIDDEN), anonymous callers, an empty search and a bad cursor', async () => {
    const reader = await t.request<{ registerMember: { token: string } }>(REGISTER, {
      input: { email: 'reader@desk.test', name: 'A Reader', password: 'a long enough password' },
    });
    expect(errorCode(await search('ada', { token: reader.data!.registerMember.token }))).toBe('FORBIDDEN');
    expect(errorCode(await t.request(SEARCH, { search: 'ada' }))).toBe('UNAUTHENTICATED');
    const empty = await search('   ');
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0]!.extensions?.['field']).toBe('search');
    expect(errorCode(await search('ada', { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await search('ada', { first: 0 }))).toBe('BAD_USER_INPUT');
  });

  it('finds members stored before the search existed once members restarts', async () => {
    const emileId = ids.get('Émile Zola')!;
    // As a member written by an older version: no search key.
    await t.subgraph.orm.em.fork().nativeUpdate(MemberSchema, { id: emileId }, { searchKey: null });
    expect(await names('zola')).toEqual([]);
    await t.restart();
    const login = await t.request<{ login: { token: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      ADMIN,
    );
    librarian = login.data!.login.token;
    expect(await names('zola')).toEqual(['Émile Zola']);
  });
});
