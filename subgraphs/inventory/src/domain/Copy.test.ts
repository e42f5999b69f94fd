import { InvalidInput } from '@shelfmark/errors';
import { Barcode } from './Barcode';
import { Copy } from './Copy';
import { copyLocation } from './Location';

const now = new Date('2026-03-04T05:06:07Z');
const barcode = Barcode.fromRandomBytes(new Uint8Array(10).fill(1));

describe('Copy.add', () => {
  it('puts the copy into circulation as AVAILABLE', () => {
    const copy = Copy.add({ id: 'c1', bookId: 'b1', barcode, location: 'Fiction, shelf 3' }, now);
    expect(copy).toMatchObject({
      id: 'c1',
      bookId: 'b1',
      barcode: 'SM1111111111',
      location: 'Fiction, shelf 3',
      status: 'AVAILABLE',
      addedAt: now,
    });
  });

  it('records copy-added in its own outbox', () => {
    const copy = Copy.add({ id: 'c1', bookId: 'b1', barcode, location: null }, now);
    expect(copy.hasOutbox).toBe(true);
    expect(copy.outbox).toHaveLength(1);
    expect(copy.outbox[0]).toMatchObject({
      type: 'shelfmark.inventory.copy-added.v1',
      subject: 'c1',
      source: 'urn:shelfmark:inventory',
      time: now.toISOString(),
      data: { copyId: 'c1', bookId: 'b1', barcode: 'SM1111111111', location: null, status: 'AVAILABLE' },
    });
  });
});

describe('copyLocation', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['   ', null],
    ['  Fiction   A–C ', 'Fiction A–C'],
    ['x'.repeat(100), 'x'.repeat(100)],
  ])('keeps %j as %j', (input, expected) => {
    expect(copyLocation(input)).toBe(expected);
  });

  it('refuses more than 100 characters, naming the field', () => {
    expect(() => copyLocation('x'.repeat(101))).toThrow(
      expect.objectContaining({ constructor: InvalidInput, field: 'location' }) as Error,
    );
  });
});
