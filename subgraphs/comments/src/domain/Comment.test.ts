import { InvalidInput } from '@shelfmark/errors';
import { Comment, MAX_BODY_LENGTH, type NewComment } from './Comment';

const now = new Date('2026-04-01T12:00:00Z');
const input: NewComment = { bookId: 'dune', authorId: 'ada', body: '  Spice must flow.\n', rating: 5 };

describe('Comment.post', () => {
  it('keeps the trimmed body and the rating', () => {
    expect(Comment.post('c1', input, now)).toMatchObject({
      id: 'c1',
      bookId: 'dune',
      authorId: 'ada',
      body: 'Spice must flow.',
      rating: 5,
      createdAt: now,
    });
  });

  it('takes no rating as null', () => {
    expect(Comment.post('c1', { ...input, rating: undefined }, now).rating).toBeNull();
    expect(Comment.post('c1', { ...input, rating: null }, now).rating).toBeNull();
  });

  it('records comment-posted in its own outbox', () => {
    const comment = Comment.post('c1', input, now);
    expect(comment.hasOutbox).toBe(true);
    expect(comment.outbox).toEqual([
      expect.objectContaining({
        type: 'shelfmark.comments.comment-posted.v1',
        subject: 'c1',
        source: 'urn:shelfmark:comments',
        time: now.toISOString(),
        data: { commentId: 'c1', bookId: 'dune', authorId: 'ada', rating: 5 },
      }),
    ]);
  });

  it('accepts a body of exactly the maximum length, counting an emoji as one character', () => {
    const body = '📚'.repeat(MAX_BODY_LENGTH);
    expect(body.length).toBe(2 * MAX_BODY_LENGTH);
    expect(Comment.post('c1', { ...input, body }, now).body).toBe(body);
  });

  it.each<[string, Partial<NewComment>, string]>([
    ['an empty body', { body: '' }, 'body'],
    ['a blank body', { body: ' \n\t ' }, 'body'],
    ['an overlong body', { body: 'x'.repeat(MAX_BODY_LENGTH + 1) }, 'body'],
    ['a rating of 0', { rating: 0 }, 'rating'],
    ['a rating of 6', { rating: 6 }, 'rating'],
    ['a negative rating', { rating: -1 }, 'rating'],
    ['a fractional rating', { rating: 4.5 }, 'rating'],
  ])('refuses %s, naming the field', (_, change, field) => {
    expect(() => Comment.post('c1', { ...input, ...change }, now)).toThrow(
      expect.objectContaining({ constructor: InvalidInput, field, code: 'BAD_USER_INPUT' }) as Error,
    );
  });
});
