import { Book, Isbn } from '@shelfmark/catalogue';
import { DEMO_BOOKS } from './books';
import { DEMO_COMMENTS, DEMO_READERS } from './plan';

/** The demo's data, checked by the catalogue's own rules before any start meets it. */
describe('the demo library', () => {
  it('holds about a hundred distinct books, each one the catalogue accepts as it is', () => {
    expect(DEMO_BOOKS.length).toBeGreaterThanOrEqual(95);
    expect(new Set(DEMO_BOOKS.map(({ isbn }) => isbn)).size).toBe(DEMO_BOOKS.length);
    expect(new Set(DEMO_BOOKS.map(({ title }) => title)).size).toBe(DEMO_BOOKS.length);
    for (const { copies: _copies, ...input } of DEMO_BOOKS) {
      const book = Book.add('id', input, new Date('2025-01-01T00:00:00Z'));
      expect(book).toMatchObject({
        isbn: input.isbn,
        title: input.title,
        publishedYear: input.publishedYear,
      });
    }
  });

  it('uses made-up ISBNs under the unallocated prefix 979-5, with valid check digits', () => {
    for (const { isbn } of DEMO_BOOKS) {
      expect(isbn).toMatch(/^9795\d{9}$/);
      expect(Isbn.parse(isbn).value).toBe(isbn);
    }
  });

  it('is public domain (published before 1930), described, with 1 to 4 copies of each book', () => {
    for (const book of DEMO_BOOKS) {
      expect(book.publishedYear).toBeLessThan(1930);
      expect(book.description.length).toBeGreaterThan(40);
      expect(book.subjects.length).toBeGreaterThan(0);
      expect(book.copies).toBeGreaterThanOrEqual(1);
      expect(book.copies).toBeLessThanOrEqual(4);
    }
  });

  it('lends only demo books, each reader within the default loan limit of five', () => {
    const titles = new Set(DEMO_BOOKS.map(({ title }) => title));
    for (const reader of DEMO_READERS) {
      expect(reader.borrowed.filter((title) => !titles.has(title))).toEqual([]);
      expect(new Set(reader.borrowed).size).toBe(reader.borrowed.length);
      expect(reader.borrowed.length).toBeLessThanOrEqual(5);
    }
    expect(new Set(DEMO_READERS.map(({ email }) => email)).size).toBe(DEMO_READERS.length);
  });

  it('has readers comment on books they borrowed, once per book, with ratings of 1 to 5', () => {
    for (const comment of DEMO_COMMENTS) {
      const reader = DEMO_READERS.find(({ email }) => email === comment.by);
      expect(reader?.borrowed).toContain(comment.title);
      if (comment.rating !== undefined) expect([1, 2, 3, 4, 5]).toContain(comment.rating);
    }
    const keys = DEMO_COMMENTS.map(({ by, title }) => `${by} ${title}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
