import type { ShelfmarkEvent } from '@shelfmark/events';
import type { GraphQLRequest, GraphQLResponse } from '@shelfmark/testing';
import { startLibrary, type Library } from './support/library';

const POST_COMMENT = `
  mutation Post($bookId: ID!, $body: String!) {
    postComment(bookId: $bookId, body: $body) {
      id
      body
      author {
        id
        name
      }
    }
  }
`;
const COMMENTS = `
  query Comments($id: ID!) {
    book(id: $id) {
      title
      comments {
        totalCount
        edges {
          node {
            body
            author {
              id
              name
            }
          }
        }
      }
    }
  }
`;
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const BORROW = `
  mutation Borrow($bookIds: [ID!]!) {
    borrowBooks(bookIds: $bookIds) {
      id
    }
  }
`;

/**
 * What a hostile or careless client, and a loaded machine, found at the router (issue 8): each
 * test is named after the defect it pins down. The whole embedded system, over real HTTP.
 */
describe('the router under hostile and careless clients', () => {
  let library: Library;
  let request: GraphQLRequest;
  let bookId: string;
  /** Every event published on the bus since start, as the bus carried it. */
  const seen: ShelfmarkEvent[] = [];

  /** A POST the way a client writes it by hand: any body, any headers, the raw HTTP answer. */
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(library.shelfmark.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: JSON.parse(text) as GraphQLResponse<unknown>,
    };
  };

  const register = (name: string) => library.registerReader(name, `${name}@hardening.test`);

  beforeAll(async () => {
    library = await startLibrary({ prefix: 'shelfmark-hardening-' });
    await library.shelfmark.bus.subscribe({
      name: 'test.recorder',
      types: ['shelfmark.loans.loan-borrowed.v1', 'shelfmark.inventory.copy-status-changed.v1'],
      handle: (event) => {
        seen.push(event);
        return Promise.resolve();
      },
    });
    ({ request } = library);
    bookId = await library.addBook('Dune', 2);
  });
  afterAll(() => library.close());

  describe('defect 2: an entity another subgraph cannot resolve', () => {
    /** The member's account is gone from members (e.g. deleted) while comments still knows them. */
    const forget = async (memberId: string) => {
      const em = library.shelfmark.subgraphs.members.orm.em.fork();
      expect(
        await em.getConnection().execute('delete from member where id = ?', [memberId], 'run'),
      ).toBeTruthy();
    };

    it('regression: one comment whose author cannot be resolved does not blank the whole comment list', async () => {
      const kept = await register('kept');
      const gone = await register('gone');
      for (const [who, body] of [
        [kept, 'A classic.'],
        [gone, 'Too much sand.'],
      ] as const) {
        const posted = await request(POST_COMMENT, { bookId, body }, { token: who.token });
        expect(posted.errors).toBeUndefined();
      }
      await forget(gone.id);

      const page = await request<{
        book: {
          comments: {
            totalCount: number;
            edges: { node: { body: string; author: { name: string } | null } }[];
          } | null;
        };
      }>(COMMENTS, { id: bookId });
      const comments = page.data?.book.comments;
      expect(comments?.totalCount).toBe(2);
      expect(comments?.edges.map((e) => [e.node.body, e.node.author?.name ?? null])).toEqual([
        ['Too much sand.', null],
        ['A classic.', 'kept'],
      ]);
      // The reader is told, in an error they can read, what is missing and where.
      expect(page.errors).toHaveLength(1);
      expect(page.errors![0]).toMatchObject({
        path: ['book', 'comments', 'edges', 0, 'node', 'author'],
        extensions: { code: 'NOT_FOUND' },
      });
      expect(page.errors![0]!.message).toMatch(/member/i);
    });

    it('regression: a mutation selecting an unresolvable entity answers its data and a readable error, never data: null without errors', async () => {
      const ghost = await register('ghost');
      await forget(ghost.id);
      const posted = await request<{ postComment: { body: string; author: unknown } }>(
        POST_COMMENT,
        { bookId, body: 'Written by someone members no longer knows.' },
        { token: ghost.token },
      );
      // The write happened (comments accepted it); the answer says so, and says what is missing.
      expect(posted.data?.postComment).toMatchObject({
        body: 'Written by someone members no longer knows.',
        author: null,
      });
      expect(posted.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    });
  });

  describe('defect 5: choosing the operation to run', () => {
    const two = 'query A { __typename } query B { __typename }';

    it('regression: an operationName that names no operation is HTTP 400 with a documented code, no stack trace', async () => {
      const answer = await post({ query: two, operationName: 'C' });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
      expect(answer.body.errors![0]!.message).toMatch(/"C"/);
      expect(answer.text).not.toMatch(/stacktrace|INVALID_GRAPHQL|\.ts:\d+|node_modules/);
    });

    it('regression: several operations and no operationName is HTTP 400 with a documented code, no stack trace', async () => {
      const answer = await post({ query: two });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
      expect(answer.text).not.toMatch(/stacktrace|INVALID_GRAPHQL|\.ts:\d+|node_modules/);
    });

    it('still runs the operation a valid operationName names', async () => {
      const answer = await post({ query: two, operationName: 'B' });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('defect 6: operation limits', () => {
    const aliases = (n: number, field: string) =>
      Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

    it('regression: __typename aliases count against the alias limit', async () => {
      const answer = await post({ query: `{ ${aliases(31, '__typename')} }` });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors![0]!.extensions).toMatchObject({
        code: 'OPERATION_LIMIT_EXCEEDED',
        limit: 'aliases',
        max: 30,
      });
      expect(answer.body.errors![0]!.message).not.toMatch(/Syntax Error/);
      expect(answer.body.errors![0]!.message).toMatch(/alias/i);
    });

    it('regression: aliases inside fragments, spread several times, count each time', async () => {
      const query = `query { ...F ...F book(id: "x") { ...G } } fragment F on Query { ${aliases(12, '__typename')} } fragment G on Book { ${aliases(10, 'id')} }`;
      const answer = await post({ query });
      expect(answer.status).toBe(400);
      expect(answer.body.errors![0]!.extensions).toMatchObject({
        code: 'OPERATION_LIMIT_EXCEEDED',
        limit: 'aliases',
      });
    });

    it('regression: one alias repeated thousands of times gets the limit and sentences, never a bare "Validation aborted."', async () => {
      // The same response name over and over: graphql-js gives up comparing them (quadratic).
      const answer = await post({ query: `{ ${'a: __typename '.repeat(2000)}}` });
      expect(answer.status).toBe(400);
      expect(answer.body.errors![0]!.extensions).toMatchObject({
        code: 'OPERATION_LIMIT_EXCEEDED',
        limit: 'aliases',
      });
      for (const error of answer.body.errors!) {
        expect(['OPERATION_LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED']).toContain(error.extensions?.code);
        expect(error.message).not.toBe('Validation aborted.');
        expect(error.message).toMatch(/\b(alias|aliases|fields)\b.*\./);
      }
    });

    it('allows aliases up to the limit', async () => {
      const answer = await post({ query: `{ ${aliases(30, '__typename')} }` });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    });

    it('regression: the depth limit says it is the depth limit, not a syntax error', async () => {
      const hop = ['comments { edges { node { book { ', '} } } } '];
      const deep = `{ book(id: "x") { ${hop[0]!.repeat(3)}id ${hop[1]!.repeat(3)}} }`;
      const answer = await post({ query: deep });
      expect(answer.status).toBe(400);
      expect(answer.body.errors![0]!.extensions).toMatchObject({
        code: 'OPERATION_LIMIT_EXCEEDED',
        limit: 'depth',
        max: 10,
      });
      expect(answer.body.errors![0]!.message).toMatch(/deep/i);
      expect(answer.body.errors![0]!.message).not.toMatch(/Syntax Error/);
    });

    it('regression: the cost limit says it is the cost limit, not a syntax error', async () => {
      const costly = `{ ${Array.from({ length: 25 }, (_, i) => `b${i}: books(first: 100) { edges { node { id title isbn authors } } }`).join(' ')} }`;
      const answer = await post({ query: costly });
      expect(answer.status).toBe(400);
      const limits = answer.body.errors!.map((e) => e.extensions?.['limit']);
      expect(limits).toContain('cost');
      for (const error of answer.body.errors!) {
        expect(error.extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
        expect(error.message).not.toMatch(/Syntax Error/);
      }
    });
  });

  describe('defect 11: one request id per request', () => {
    it('regression: a borrow without x-request-id gives its events and the inventory call it made one correlation id', async () => {
      const reader = await register('correlated');
      const since = seen.length;
      const borrowed = await post(
        { query: BORROW, variables: { bookIds: [bookId] } },
        { authorization: `Bearer ${reader.token}`, traceparent: TRACEPARENT },
      );
      expect(borrowed.body.errors).toBeUndefined();
      const loanBorrowed = seen.slice(since).find((e) => e.type === 'shelfmark.loans.loan-borrowed.v1');
      // Inventory recorded the reservation while serving loans' reserveCopies call.
      const reserved = seen.slice(since).find((e) => e.type === 'shelfmark.inventory.copy-status-changed.v1');
      expect(loanBorrowed).toBeDefined();
      expect(reserved).toBeDefined();
      expect(reserved!.correlationid).toBe(loanBorrowed!.correlationid);
      expect(loanBorrowed!.traceparent).toBe(TRACEPARENT);
      expect(reserved!.traceparent).toBe(TRACEPARENT);
    });

    it('regression: the router answers with the request id it gave the request, and keeps one it was sent', async () => {
      const own = await post({ query: '{ __typename }' }, { 'x-request-id': 'my-request-1' });
      expect(own.status).toBe(200);
      const answer = await fetch(library.shelfmark.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'my-request-2' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(answer.headers.get('x-request-id')).toBe('my-request-2');
      const generated = await fetch(library.shelfmark.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('defect 7: password guessing', () => {
    it('regression: sign-ins refused for too many wrong passwords are HTTP 429 with Retry-After', async () => {
      const member = await register('guessed');
      const guess = () =>
        post({
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          variables: { e: member.email, p: 'not the password' },
        });
      let answer = await guess();
      // Wrong passwords are plain refusals (200, UNAUTHENTICATED) until the limit is reached.
      expect(answer.status).toBe(200);
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      for (let attempt = 2; attempt <= 20 && answer.status === 200; attempt += 1) answer = await guess();
      expect(answer.status).toBe(429);
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_REQUESTS');
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBe(Math.ceil(Number(answer.body.errors?.[0]?.extensions?.['retryAfterSeconds'])));
    });
  });
});
