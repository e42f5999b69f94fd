import { InvalidInput, NotFound } from '@shelfmark/errors';
import { barcode, barcodesFrom, sequentialBarcodes } from '../../../test/support/builders';
import { InMemoryCatalogueBookRepository, InMemoryCopyRepository } from '../../../test/support/fakes';
import { Barcode, CatalogueBook } from '../../domain';
import { CopyAdder, MAX_BARCODE_ATTEMPTS, randomBarcode } from './CopyAdder';

const now = new Date('2026-03-04T05:06:07Z');

function setUp(newBarcode: () => Barcode = sequentialBarcodes()) {
  const copies = new InMemoryCopyRepository();
  const books = new InMemoryCatalogueBookRepository();
  books.books.set('dune', CatalogueBook.of('dune', '9780441172719', 'Dune', now));
  const adder = new CopyAdder(copies, books, { newBarcode, clock: () => now });
  return { copies, books, adder };
}

describe('CopyAdder', () => {
  it('adds count AVAILABLE copies of a known book, each with its own barcode and copy-added event', async () => {
    const { adder, copies } = setUp();
    const added = await adder.add({ bookId: 'dune', count: 3, location: ' Fiction, shelf 3 ' });

    expect(added).toHaveLength(3);
    expect(copies.stored).toEqual(added);
    expect(new Set(added.map((c) => c.id)).size).toBe(3);
    expect(new Set(added.map((c) => c.barcode)).size).toBe(3);
    for (const copy of added) {
      expect(copy).toMatchObject({
        bookId: 'dune',
        status: 'AVAILABLE',
        location: 'Fiction, shelf 3',
        addedAt: now,
      });
      expect(copy.outbox.map((e) => [e.type, e.subject])).toEqual([
        ['shelfmark.inventory.copy-added.v1', copy.id],
      ]);
      expect(copy.outbox[0]?.data).toEqual({
        copyId: copy.id,
        bookId: 'dune',
        barcode: copy.barcode,
        location: 'Fiction, shelf 3',
        status: 'AVAILABLE',
      });
    }
  });

  it('writes all copies in one call, so they are stored together or not at all', async () => {
    const { adder, copies } = setUp();
    await adder.add({ bookId: 'dune', count: 50 });
    expect(copies.writes).toBe(1);
    expect(copies.stored).toHaveLength(50);
  });

  it.each([0, 1001, -3])(
    'refuses a count of %i with BAD_USER_INPUT naming count, storing nothing',
    async (count) => {
      const { adder, copies } = setUp();
      await expect(adder.add({ bookId: 'dune', count })).rejects.toThrow(
        expect.objectContaining({ constructor: InvalidInput, field: 'count' }) as Error,
      );
      expect(copies.writes).toBe(0);
    },
  );

  it('refuses a location over 100 characters', async () => {
    const { adder, copies } = setUp();
    await expect(adder.add({ bookId: 'dune', count: 1, location: 'x'.repeat(101) })).rejects.toThrow(
      expect.objectContaining({ field: 'location', code: 'BAD_USER_INPUT' }) as Error,
    );
    expect(copies.writes).toBe(0);
  });

  it('refuses a book inventory has not heard of with NOT_FOUND, storing nothing', async () => {
    const { adder, copies } = setUp();
    const attempt = adder.add({ bookId: 'no-such-book', count: 2 });
    await expect(attempt).rejects.toBeInstanceOf(NotFound);
    await expect(attempt).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { entity: 'Book', id: 'no-such-book' },
    });
    expect(copies.writes).toBe(0);
  });

  it('draws the whole batch again when a barcode is already taken', async () => {
    const { adder, copies } = setUp(barcodesFrom('A', 'B', 'A', 'C', 'D', 'E', 'F'));
    await adder.add({ bookId: 'dune', count: 1 }); // takes SM000000000A
    const added = await adder.add({ bookId: 'dune', count: 3 }); // B, A (taken), C → D, E, F

    expect(added.map((c) => c.barcode)).toEqual([barcode('D').value, barcode('E').value, barcode('F').value]);
    expect(copies.writes).toBe(3);
    expect(copies.stored.map((c) => c.barcode).sort()).toEqual(
      ['A', 'D', 'E', 'F'].map((b) => barcode(b).value),
    ); // B and C, drawn with the taken A, were not stored
  });

  it('gives up after a bounded number of collisions, having stored nothing', async () => {
    const { adder, copies } = setUp(() => barcode('A'));
    await adder.add({ bookId: 'dune', count: 1 });
    await expect(adder.add({ bookId: 'dune', count: 1 })).rejects.toThrow(/No unused barcodes/);
    expect(copies.writes).toBe(1 + MAX_BARCODE_ATTEMPTS);
    expect(copies.stored).toHaveLength(1);
  });

  it('never puts one barcode twice into a batch', async () => {
    const { adder } = setUp(barcodesFrom('A', 'A', 'B', 'B', 'C'));
    const added = await adder.add({ bookId: 'dune', count: 3 });
    expect(added.map((c) => c.barcode)).toEqual(['A', 'B', 'C'].map((b) => barcode(b).value));
  });

  it('does not retry failures other than a taken barcode', async () => {
    const { adder, copies } = setUp();
    const failure = new Error('disk full');
    const addAll = jest.spyOn(copies, 'addAll').mockRejectedValue(failure);
    await expect(adder.add({ bookId: 'dune', count: 2 })).rejects.toBe(failure);
    expect(addAll).toHaveBeenCalledTimes(1);
  });
});

describe('randomBarcode', () => {
  it('draws well-formed barcodes that do not repeat', () => {
    const drawn = Array.from({ length: 10_000 }, () => randomBarcode().value);
    for (const value of drawn) expect(value).toMatch(Barcode.PATTERN);
    expect(new Set(drawn).size).toBe(drawn.length);
  });
});
