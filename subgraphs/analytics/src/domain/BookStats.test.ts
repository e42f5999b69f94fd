import { BookStats } from './BookStats';

const dune = () =>
  BookStats.fromCatalogue({
    bookId: 'dune',
    title: 'Dune',
    subjects: ['Science  Fiction', 'classics', 'science fiction'],
  });

describe('BookStats', () => {
  it('starts unborrowed, with the subjects in normal form and a subject key', () => {
    expect(dune()).toMatchObject({
      bookId: 'dune',
      title: 'Dune',
      subjects: ['science fiction', 'classics'],
      subjectsKey: '|science fiction|classics|',
      borrowCount: 0,
      lastBorrowedAt: null,
    });
  });

  it('counts each borrow event once and remembers the latest borrow', () => {
    const stats = dune();
    const later = new Date('2026-04-10T00:00:00Z');
    const earlier = new Date('2026-04-01T00:00:00Z');
    expect(stats.countBorrow('e1', later)).toBe(true);
    expect(stats.countBorrow('e2', earlier)).toBe(true);
    expect(stats.countBorrow('e1', later)).toBe(false);
    expect(stats).toMatchObject({ borrowCount: 2, lastBorrowedAt: later });
  });

  it('starts without title or subjects when a borrow comes before the catalogue, and takes them later', () => {
    const stats = BookStats.uncatalogued('dune');
    expect(stats).toMatchObject({ title: null, subjects: [], subjectsKey: '||', borrowCount: 0 });
    stats.countBorrow('e1', new Date('2026-04-10T00:00:00Z'));

    expect(stats.catalogue({ title: 'Dune', subjects: ['Science Fiction'] })).toBe(true);
    expect(stats).toMatchObject({
      title: 'Dune',
      subjects: ['science fiction'],
      subjectsKey: '|science fiction|',
      borrowCount: 1,
    });
  });

  it('keeps the first title and subjects the catalogue gave', () => {
    const stats = dune();
    expect(stats.catalogue({ title: 'Other', subjects: ['other'] })).toBe(false);
    expect(stats).toMatchObject({ title: 'Dune', subjects: ['science fiction', 'classics'] });
  });
});
