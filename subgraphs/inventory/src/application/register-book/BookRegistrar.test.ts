import { InMemoryCatalogueBookRepository } from '../../../test/support/fakes';
import { BookRegistrar } from './BookRegistrar';

const dune = {
  bookId: 'b1',
  isbn: '9780441172719',
  title: 'Dune',
  addedAt: new Date('2026-01-02T03:04:05Z'),
};

describe('BookRegistrar', () => {
  it('registers a new book once; registering it again changes nothing', async () => {
    const books = new InMemoryCatalogueBookRepository();
    const registrar = new BookRegistrar(() => books);

    await expect(registrar.register(dune)).resolves.toBe(true);
    await expect(registrar.register({ ...dune, title: 'Dune (again)' })).resolves.toBe(false);

    expect([...books.books.values()]).toEqual([expect.objectContaining({ ...dune })]);
  });
});
