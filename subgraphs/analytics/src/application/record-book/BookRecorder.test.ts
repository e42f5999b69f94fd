import { BookStats } from '../../domain';
import { InMemoryBookStatsRepository } from '../../../test/support/fakes';
import { BookRecorder } from './BookRecorder';

const dune = { bookId: 'dune', title: 'Dune', subjects: ['Science  Fiction'] };

describe('BookRecorder', () => {
  let stats: InMemoryBookStatsRepository;
  let recorder: BookRecorder;

  beforeEach(() => {
    stats = new InMemoryBookStatsRepository();
    recorder = new BookRecorder(() => ({ stats }));
  });

  it('starts the statistics of a new book, unborrowed', async () => {
    expect(await recorder.record(dune)).toBe('added');
    expect(await stats.byId('dune')).toMatchObject({
      title: 'Dune',
      subjects: ['science fiction'],
      borrowCount: 0,
      lastBorrowedAt: null,
    });
  });

  it('gives a book counted through its borrows its title and subjects, keeping its counts', async () => {
    const borrowed = BookStats.uncatalogued('dune');
    borrowed.countBorrow('evt-1', new Date('2026-04-27T10:00:00Z'));
    await stats.add(borrowed);

    expect(await recorder.record(dune)).toBe('catalogued');
    expect(await stats.byId('dune')).toMatchObject({
      title: 'Dune',
      subjects: ['science fiction'],
      subjectsKey: '|science fiction|',
      borrowCount: 1,
      lastBorrowedAt: new Date('2026-04-27T10:00:00Z'),
    });
  });

  it('changes nothing when the book is announced again', async () => {
    await recorder.record(dune);
    const writes = stats.writes;
    expect(await recorder.record({ ...dune, title: 'Dune (again)', subjects: ['other'] })).toBe(
      'already-known',
    );
    expect(await stats.byId('dune')).toMatchObject({ title: 'Dune', subjects: ['science fiction'] });
    expect(stats.writes).toBe(writes);
  });
});
