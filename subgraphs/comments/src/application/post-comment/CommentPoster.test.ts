import { InvalidInput, MemberUnknown, NotFound } from '@shelfmark/errors';
import type {
  Comment,
  CommentPage,
  CommentRepository,
  KnownBook,
  KnownBookRepository,
  KnownMember,
  KnownMemberRepository,
  RatingTally,
} from '../../domain';
import { CommentPoster } from './CommentPoster';

class MemoryComments implements CommentRepository {
  readonly stored: Comment[] = [];
  add(comment: Comment): Promise<void> {
    this.stored.push(comment);
    return Promise.resolve();
  }
  byIds(): Promise<Comment[]> {
    throw new Error('not used here');
  }
  page(): Promise<CommentPage> {
    throw new Error('not used here');
  }
  ratingTallies(): Promise<Map<string, RatingTally>> {
    throw new Error('not used here');
  }
}

class MemoryBooks implements KnownBookRepository {
  constructor(private readonly ids: string[]) {}
  exists(bookId: string): Promise<boolean> {
    return Promise.resolve(this.ids.includes(bookId));
  }
  addIfAbsent(book: KnownBook): Promise<boolean> {
    if (this.ids.includes(book.bookId)) return Promise.resolve(false);
    this.ids.push(book.bookId);
    return Promise.resolve(true);
  }
}

class MemoryMembers implements KnownMemberRepository {
  constructor(private readonly ids: string[]) {}
  exists(memberId: string): Promise<boolean> {
    return Promise.resolve(this.ids.includes(memberId));
  }
  addIfAbsent(member: KnownMember): Promise<boolean> {
    if (this.ids.includes(member.memberId)) return Promise.resolve(false);
    this.ids.push(member.memberId);
    return Promise.resolve(true);
  }
}

describe('CommentPoster', () => {
  const now = new Date('2026-04-01T12:00:00Z');
  let comments: MemoryComments;
  let poster: CommentPoster;
  beforeEach(() => {
    comments = new MemoryComments();
    poster = new CommentPoster(comments, new MemoryBooks(['dune']), new MemoryMembers(['ada']), () => now);
  });

  it('stores the comment, with its event, on a known book', async () => {
    const comment = await poster.post({ bookId: 'dune', authorId: 'ada', body: 'Great', rating: 4 });
    expect(comments.stored).toEqual([comment]);
    expect(comment).toMatchObject({
      bookId: 'dune',
      authorId: 'ada',
      body: 'Great',
      rating: 4,
      createdAt: now,
    });
    expect(comment.outbox.map((e) => e.type)).toEqual(['shelfmark.comments.comment-posted.v1']);
  });

  it('refuses a book it never heard of with NOT_FOUND and stores nothing', async () => {
    await expect(poster.post({ bookId: 'nope', authorId: 'ada', body: 'Hm' })).rejects.toThrow(NotFound);
    expect(comments.stored).toEqual([]);
  });

  it('regression: refuses an author comments never heard of as MemberUnknown and stores nothing', async () => {
    await expect(poster.post({ bookId: 'dune', authorId: 'ghost', body: 'Boo' })).rejects.toThrow(
      MemberUnknown,
    );
    expect(comments.stored).toEqual([]);
  });

  it('refuses bad input before anything else', async () => {
    await expect(poster.post({ bookId: 'nope', authorId: 'ada', body: ' ' })).rejects.toThrow(InvalidInput);
    expect(comments.stored).toEqual([]);
  });
});
