import { readBarcode, readCardNumber } from './DeskInput';

describe('what is typed or scanned at the desk', () => {
  it.each([
    ['SM000000000A', 'SM000000000A'],
    [' sm-0000 0000-0a ', 'SM000000000A'],
    ['SMOOOOOOOOIL', 'SM0000000011'],
  ])('reads the barcode %j as %j', (typed, stored) => {
    expect(readBarcode(typed, 'barcode')).toBe(stored);
  });

  it('refuses an empty barcode as BAD_USER_INPUT naming the field', () => {
    expect(() => readBarcode(' - ', 'barcodes')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'barcodes' } }) as Error,
    );
  });

  it.each([
    ['SM-04718265', 'SM-04718265'],
    ['sm04718265', 'SM-04718265'],
    [' SM-0471 8265 ', 'SM-04718265'],
    ['not a card', 'NOT A CARD'],
  ])('reads the card number %j as %j', (typed, issued) => {
    expect(readCardNumber(typed)).toBe(issued);
  });

  it('refuses an empty card number as BAD_USER_INPUT on cardNumber', () => {
    expect(() => readCardNumber('  ')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'cardNumber' } }) as Error,
    );
  });
});
