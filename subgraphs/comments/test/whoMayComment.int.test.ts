import {
  aBookAddedEvent,
  aMemberRegisteredEvent,
  errorCode,
  startTestSubgraph,
  type TestSubgraph,
} from '@shelfmark/testing';
import { commentsSubgraph } from '../src';
import { CommentSchema } from '../src/adapters/persistence/comment.schema';
import { KnownMemberSchema } from '../src/adapters/persistence/known-member.schema';

const POST = /* GraphQL */ `
  mutation Post($bookId: ID!, $body: String!) {
    postComment(bookId: $bookId, body: $body) {
      id
    }
  }
`;

/** docs/adr/0010-who-may-act.md: comments lets only members it heard of from members post. */
describe('who may comment (SQLite)', () => {
  let t: TestSubgraph;

  beforeAll(async () => {
    t = await startTestSubgraph(commentsSubgraph());
    await t.deliver(aBookAddedEvent('dune'));
  });
  afterAll(() => t.stop());

  const commentsBy = (authorId: string) => t.subgraph.orm.em.fork().count(CommentSchema, { authorId });

  it('regression: a valid token for a member comments never heard of posts nothing', async () => {
    const token = await t.tokenFor({ memberId: 'ghost', role: 'MEMBER' });
    const refused = await t.request(POST, { bookId: 'dune', body: 'Boo' }, { token });
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors?.[0]?.extensions?.['reason']).toBe('MEMBER_UNKNOWN');
    expect(refused.errors?.[0]?.message).toMatch(/sign in again/i);
    expect(await commentsBy('ghost')).toBe(0);
    expect(t.published.filter((event) => event.type === 'shelfmark.comments.comment-posted.v1')).toEqual([]);
  });

  it('learns a member from member-registered once, however often it is delivered; then they may post', async () => {
    const token = await t.tokenFor({ memberId: 'newcomer', role: 'MEMBER' });
    const event = aMemberRegisteredEvent('newcomer');
    await t.deliver(event);
    await t.deliver(event);
    expect(await t.subgraph.orm.em.fork().count(KnownMemberSchema, { memberId: 'newcomer' })).toBe(1);
    const posted = await t.request(POST, { bookId: 'dune', body: 'Loved it.' }, { token });
    expect(posted.errors).toBeUndefined();
    expect(await commentsBy('newcomer')).toBe(1);
  });
});
