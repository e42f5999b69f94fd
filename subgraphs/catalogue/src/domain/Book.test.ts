import { InvalidInput } from '@shelfmark/errors';
import { Book, type NewBook } from './Book';

const now = new Date('2026-01-02T03:04:05Z');
const dune: NewBook = {
  isbn: '978-0-441-17271-9',
  title: '  Dune ',
  authors: ['Frank Herbert'],
  subjects: [' Science  Fiction', 'science fiction'],
};

describe('Book.add', () => {
  it('normalises what it keeps and derives its search keys', () => {
    const book = Book.add('b1', dune, now);
    expect(book).toMatchObject({
      id: 'b1',
      isbn: '9780441172719',
      title: 'Dune',
      subjects: ['science fiction'],
      titleKey: 'dune',
      subjectsKey: '|science fiction|',
      addedAt: now,
    });
    expect(book.searchText).toBe('dune frank herbert 9780441172719');
  });

  it('records book-added in its own outbox', () => {
    const book = Book.add('b1', dune, now);
    expect(book.hasOutbox).toBe(true);
    expect(book.outbox).toHaveLength(1);
    expect(book.outbox[0]).toMatchObject({
      type: 'shelfmark.catalogue.book-added.v1',
      subject: 'b1',
      source: 'urn:shelfmark:catalogue',
      time: now.toISOString(),
      data: { bookId: 'b1', isbn: '9780441172719', title: 'Dune', authors: ['Frank Herbert'] },
    });
  });

  it.each<[string, Partial<NewBook>, string]>([
    ['an empty title', { title: '   ' }, 'title'],
    ['no author', { authors: [] }, 'authors'],
    ['blank authors only', { authors: [' '] }, 'authors'],
    ['too many subjects', { subjects: Array.from({ length: 21 }, (_, i) => `s${i}`) }, 'subjects'],
    ['a malformed language', { language: 'english!' }, 'language'],
    ['a year in the future', { publishedYear: 2100 }, 'publishedYear'],
    ['a fractional year', { publishedYear: 1999.5 }, 'publishedYear'],
    ['a cover that is not http', { coverUrl: 'javascript:alert(1)' }, 'coverUrl'],
    ['an overlong title', { title: 'x'.repeat(501) }, 'title'],
  ])('refuses %s', (_, change, field) => {
    expect(() => Book.add('b1', { ...dune, ...change }, now)).toThrow(
      expect.objectContaining({ constructor: InvalidInput, field }) as Error,
    );
  });
});
