import {
  aBookAddedEvent,
  aMemberRegisteredEvent,
  errorCode,
  startTestSubgraph,
  type TestSubgraph,
} from '@shelfmark/testing';
import { commentsSubgraph } from '../src';
import { KnownBookSchema } from '../src/adapters/persistence/known-book.schema';

const POST = /* GraphQL */ `
  mutation Post($bookId: ID!, $body: String!, $rating: Int) {
    postComment(bookId: $bookId, body: $body, rating: $rating) {
      id
      book {
        id
      }
      author {
        id
      }
      body
      rating
      createdAt
    }
  }
`;
const COMMENTS = /* GraphQL */ `
  query Comments($reps: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $reps) {
      ... on Book {
        id
        comments(first: $first, after: $after) {
          totalCount
          edges {
            cursor
            node {
              id
              body
              rating
              author {
                id
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;
const RATINGS = /* GraphQL */ `
  query Ratings($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Book {
        id
        rating {
          average
          count
        }
      }
    }
  }
`;

type Posted = {
  postComment: {
    id: string;
    book: { id: string };
    author: { id: string };
    body: string;
    rating: number | null;
    createdAt: string;
  };
};
type Connection = {
  totalCount: number;
  edges: {
    cursor: string;
    node: { id: string; body: string; rating: number | null; author: { id: string } };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};
type Comments = { _entities: { id: string; comments: Connection }[] };
type Ratings = { _entities: { id: string; rating: { average: number | null; count: number } }[] };

const book = (id: string) => ({ __typename: 'Book', id });
const bookAdded = (bookId: string, title = `Title of ${bookId}`) => aBookAddedEvent(bookId, { title });

describe('comments subgraph (SQLite)', () => {
  let t: TestSubgraph;
  let ada: string;
  let bob: string;
  // Each comment is posted a minute after the previous one, so "newest first" is certain.
  let now = new Date('2026-04-01T10:00:00.000Z');
  const clock = () => (now = new Date(now.getTime() + 60_000));

  beforeAll(async () => {
    t = await startTestSubgraph(commentsSubgraph({ clock }));
    ada = await t.tokenFor({ memberId: 'ada', role: 'MEMBER' });
    bob = await t.tokenFor({ memberId: 'bob', role: 'MEMBER' });
    for (const id of ['dune', 'emma', 'ulysses', 'quiet']) await t.deliver(bookAdded(id));
    // Comments lets only members it heard of from members post.
    for (const id of ['ada', 'bob']) await t.deliver(aMemberRegisteredEvent(id));
  });
  afterAll(() => t.stop());

  /** Posts as `token`, as ada by default, anonymously when null. */
  const post = (
    variables: { bookId: string; body: string; rating?: number | null },
    token: string | null = ada,
  ) => t.request<Posted>(POST, variables, token ? { token } : {});
  const knownBooks = (bookId: string) => t.subgraph.orm.em.fork().count(KnownBookSchema, { bookId });

  describe('learning books from book-added', () => {
    it('registers a book once, however often the event is delivered', async () => {
      const event = bookAdded('redelivered');
      await t.deliver(event);
      await t.deliver(event);
      await t.deliver(bookAdded('redelivered', 'Same book, another event'));
      expect(await knownBooks('redelivered')).toBe(1);
      expect(t.deadLetters.letters).toEqual([]);
      expect((await post({ bookId: 'redelivered', body: 'Read it twice.' })).errors).toBeUndefined();
    });

    it('dead-letters a book-added that breaks its contract and registers nothing', async () => {
      const event = bookAdded('broken');
      await t.deliver({ ...event, data: { ...event.data, isbn: 'not-an-isbn' } });
      expect(t.deadLetters.letters.map((l) => l.consumer)).toEqual(['comments.RegisterBookOnBookAdded']);
      expect(await knownBooks('broken')).toBe(0);
      t.deadLetters.letters.length = 0;
    });
  });

  describe('postComment', () => {
    it('stores a signed-in member’s comment, trimmed, and publishes comment-posted', async () => {
      const res = await post({ bookId: 'dune', body: '  The spice must flow.  ', rating: 5 });
      expect(res.errors).toBeUndefined();
      const comment = res.data!.postComment;
      expect(comment).toEqual({
        id: expect.any(String) as string,
        book: { id: 'dune' },
        author: { id: 'ada' },
        body: 'The spice must flow.',
        rating: 5,
        createdAt: now.toISOString(),
      });
      await t.flush();
      const event = t.published.find(
        (e) => e.type === 'shelfmark.comments.comment-posted.v1' && e.subject === comment.id,
      );
      expect(event?.data).toEqual({ commentId: comment.id, bookId: 'dune', authorId: 'ada', rating: 5 });
    });

    it('takes a comment without a rating', async () => {
      const res = await post({ bookId: 'dune', body: 'Long, but worth it.' }, bob);
      expect(res.data?.postComment).toMatchObject({ rating: null, author: { id: 'bob' } });
    });

    it('refuses anonymous callers with UNAUTHENTICATED', async () => {
      expect(errorCode(await post({ bookId: 'dune', body: 'Who am I?' }, null))).toBe('UNAUTHENTICATED');
    });

    it('refuses a book the catalogue never announced with NOT_FOUND', async () => {
      const res = await post({ bookId: 'no-such-book', body: 'Hello?' });
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.message).toMatch(/no-such-book/);
    });

    it.each([
      ['an empty body', { body: '   ' }, 'body'],
      ['a body over 5000 characters', { body: 'x'.repeat(5001) }, 'body'],
      ['a rating of 0', { body: 'Meh', rating: 0 }, 'rating'],
      ['a rating of 6', { body: 'Wow', rating: 6 }, 'rating'],
    ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_, input, field) => {
      const res = await post({ bookId: 'quiet', ...input });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.['field']).toBe(field);
      const page = await t.request<Comments>(COMMENTS, { reps: [book('quiet')] });
      expect(page.data?._entities[0]?.comments.totalCount).toBe(0);
    });
  });

  describe('Book.comments', () => {
    const bodies = ['first', 'second', 'third', 'fourth', 'fifth'];
    beforeAll(async () => {
      for (const [i, body] of bodies.entries()) {
        expect(
          (await post({ bookId: 'emma', body, rating: (i % 5) + 1 }, i % 2 ? bob : ada)).errors,
        ).toBeUndefined();
      }
    });

    it('pages newest first with Relay cursors until hasNextPage is false', async () => {
      const seen: string[] = [];
      const pages: boolean[] = [];
      let after: string | null = null;
      for (;;) {
        const res: Awaited<ReturnType<typeof t.request<Comments>>> = await t.request<Comments>(COMMENTS, {
          reps: [book('emma')],
          first: 2,
          after,
        });
        expect(res.errors).toBeUndefined();
        const connection = res.data!._entities[0]!.comments;
        expect(connection.totalCount).toBe(5);
        seen.push(...connection.edges.map((edge) => edge.node.body));
        pages.push(connection.pageInfo.hasNextPage);
        expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toEqual([...bodies].reverse());
      expect(pages).toEqual([true, true, false]);
    });

    it('gives twenty by default, and an empty connection for a book without comments', async () => {
      const res = await t.request<Comments>(COMMENTS, {
        reps: [book('emma'), book('quiet'), book('never-heard-of')],
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities.map((b) => [b.id, b.comments.edges.length, b.comments.totalCount])).toEqual([
        ['emma', 5, 5],
        ['quiet', 0, 0],
        ['never-heard-of', 0, 0],
      ]);
      expect(res.data?._entities[1]?.comments.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    });

    it('refuses a page size outside 1..100 and a cursor it did not give out with BAD_USER_INPUT', async () => {
      for (const variables of [
        { first: 0 },
        { first: 101 },
        { after: 'bm90LWEtY3Vyc29y' },
        { after: 'garbage!' },
      ]) {
        const res = await t.request(COMMENTS, { reps: [book('emma')], ...variables });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('Book.rating', () => {
    it('averages the ratings given, over several books at once', async () => {
      await post({ bookId: 'ulysses', body: 'Hard going.', rating: 2 });
      await post({ bookId: 'ulysses', body: 'A masterpiece.', rating: 5 }, bob);
      await post({ bookId: 'ulysses', body: 'No stars from me, just words.' });
      const res = await t.request<Ratings>(RATINGS, { reps: [book('ulysses'), book('emma'), book('quiet')] });
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual([
        { id: 'ulysses', rating: { average: 3.5, count: 2 } },
        { id: 'emma', rating: { average: 3, count: 5 } },
        { id: 'quiet', rating: { average: null, count: 0 } },
      ]);
    });
  });

  describe('entity references', () => {
    it('resolves Comment representations, null for an unknown id, and keeps comments across a restart', async () => {
      const posted = (await post({ bookId: 'dune', body: 'Reference me.', rating: 3 })).data!.postComment;
      await t.restart();
      const res = await t.request(
        /* GraphQL */ `
          query Refs($reps: [_Any!]!) {
            _entities(representations: $reps) {
              ... on Comment {
                id
                body
                rating
                book {
                  id
                }
                author {
                  id
                }
                createdAt
              }
            }
          }
        `,
        {
          reps: [
            { __typename: 'Comment', id: posted.id },
            { __typename: 'Comment', id: 'nope' },
          ],
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        _entities: [
          {
            id: posted.id,
            body: 'Reference me.',
            rating: 3,
            book: { id: 'dune' },
            author: { id: 'ada' },
            createdAt: posted.createdAt,
          },
          null,
        ],
      });
    });
  });
});
