import { AddCopies, BookPage, BorrowBooks, PlaceHold, ReturnLoan, WithdrawCopy } from './operations';
import { startLibrary, type Library, type Reader } from './support/library';

const PostComment = `mutation PostComment($bookId: ID!, $body: String!, $rating: Int) {
  postComment(bookId: $bookId, body: $body, rating: $rating) { id }
}`;

/**
 * The embedded router keeps subgraphs' answers until the subgraph's database next writes
 * (docs/adr/0022-answer-cache.md). A page read again is served from the cache — and a page read
 * right after any change, by the one who made it or anyone else, shows the change: borrowing,
 * returning, a hold, a comment, new copies, a withdrawal, each read back at once.
 */
describe('the answer cache: kept until the data changes, never stale after a change', () => {
  let library: Library;
  let reader: Reader;
  let other: Reader;

  beforeAll(async () => {
    // One reader borrows every copy of the last test's book.
    library = await startLibrary({
      prefix: 'shelfmark-answer-cache-',
      env: { SHELFMARK_MAX_ACTIVE_LOANS: '20' },
    });
    reader = await library.registerReader('Ada Cached');
    other = await library.registerReader('Grace Cached');
  });
  afterAll(() => library.close());

  /** The router's answer cache counter by subgraph and result, from its /metrics. */
  async function cacheCounts(): Promise<Record<string, number>> {
    const text = await (await fetch(new URL('/metrics', library.shelfmark.url))).text();
    const counts: Record<string, number> = {};
    for (const [, labels, value] of text.matchAll(/^shelfmark_answer_cache_total\{([^}]*)\} (\d+)$/gm)) {
      const subgraph = /subgraph="(\w+)"/.exec(labels!)?.[1];
      const result = /result="(\w+)"/.exec(labels!)?.[1];
      counts[`${subgraph}:${result}`] = Number(value);
    }
    return counts;
  }

  const page = async (bookId: string, token?: string) => {
    const answer = await library.request(BookPage, { id: bookId }, token ? { token } : {});
    expect(answer.errors).toBeUndefined();
    return answer.data!.book!;
  };

  it('serves a page read again from the cache, for every subgraph of the page', async () => {
    const bookId = await library.addBook('Kept Pages', 2);
    const first = await page(bookId);
    const before = await cacheCounts();
    const again = await page(bookId);
    const after = await cacheCounts();
    expect(again).toEqual(first);
    for (const subgraph of ['catalogue', 'inventory', 'comments', 'analytics']) {
      expect(after[`${subgraph}:hit`] ?? 0).toBeGreaterThan(before[`${subgraph}:hit`] ?? 0);
    }
  });

  it('shows a borrow and a return at once, to the borrower and to anyone else', async () => {
    const bookId = await library.addBook('Borrowed At Once', 2);
    expect((await page(bookId)).availability).toMatchObject({ total: 2, available: 2, onLoan: 0 });
    expect((await page(bookId, other.token)).borrowCount).toBe(0);

    const borrowed = await library.request(BorrowBooks, { bookIds: [bookId] }, { token: reader.token });
    expect(borrowed.errors).toBeUndefined();
    for (const token of [undefined, reader.token, other.token]) {
      const seen = await page(bookId, token);
      expect(seen.availability).toMatchObject({ total: 2, available: 1, onLoan: 1 });
      expect(seen.borrowCount).toBe(1);
    }

    const returned = await library.request(
      ReturnLoan,
      { loanId: borrowed.data!.borrowBooks[0]!.id },
      { token: reader.token },
    );
    expect(returned.errors).toBeUndefined();
    for (const token of [undefined, reader.token, other.token]) {
      expect((await page(bookId, token)).availability).toMatchObject({ available: 2, onLoan: 0 });
    }
  });

  it('shows a comment, new copies, a withdrawal and the hold shelf at once', async () => {
    const bookId = await library.addBook('Changed At Once', 1);
    const token = await library.adminToken();
    expect((await page(bookId)).rating).toEqual({ average: null, count: 0 });

    const posted = await library.request(
      PostComment,
      { bookId, body: 'A fine read.', rating: 4 },
      { token: reader.token },
    );
    expect(posted.errors).toBeUndefined();
    expect((await page(bookId)).rating).toEqual({ average: 4, count: 1 });

    const added = await library.request(AddCopies, { bookId, count: 2 }, { token });
    expect(added.errors).toBeUndefined();
    const withThree = await page(bookId);
    expect(withThree.availability).toMatchObject({ total: 3, available: 3 });

    const copyId = added.data!.addCopies[0]!.id;
    expect((await library.request(WithdrawCopy, { copyId }, { token })).errors).toBeUndefined();
    expect((await page(bookId)).availability).toMatchObject({ total: 2, available: 2 });

    // Both copies lent, then a hold; a return sends the copy to the hold shelf.
    const first = await library.request(BorrowBooks, { bookIds: [bookId] }, { token: reader.token });
    const second = await library.request(BorrowBooks, { bookIds: [bookId] }, { token: reader.token });
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    expect((await page(bookId)).availability).toMatchObject({ available: 0, onLoan: 2 });
    expect((await library.request(PlaceHold, { bookId }, { token: other.token })).errors).toBeUndefined();
    const returned = await library.request(
      ReturnLoan,
      { loanId: first.data!.borrowBooks[0]!.id },
      { token: reader.token },
    );
    expect(returned.errors).toBeUndefined();
    expect((await page(bookId)).availability).toMatchObject({ available: 0, onLoan: 1, onHoldShelf: 1 });
  });

  it('never shows a page older than a borrow that has answered, with readers reading all along', async () => {
    const bookId = await library.addBook('Read While Lent', 8);
    let reading = true;
    let reads = 0;
    const readers = Array.from({ length: 4 }, async () => {
      while (reading) {
        await page(bookId);
        reads += 1;
      }
    });
    try {
      for (let lent = 1; lent <= 8; lent += 1) {
        const borrowed = await library.request(BorrowBooks, { bookIds: [bookId] }, { token: reader.token });
        expect(borrowed.errors).toBeUndefined();
        const seen = await page(bookId);
        expect({ lent, available: seen.availability!.available, borrowCount: seen.borrowCount }).toEqual({
          lent,
          available: 8 - lent,
          borrowCount: lent,
        });
      }
    } finally {
      reading = false;
      await Promise.all(readers);
    }
    expect(reads).toBeGreaterThan(0);
  });
});
