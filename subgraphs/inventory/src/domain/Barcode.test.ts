import { Barcode } from './Barcode';

describe('Barcode', () => {
  it('is SM and 10 Crockford base-32 characters, one per random byte', () => {
    const barcode = Barcode.fromRandomBytes(Uint8Array.from([0, 1, 9, 10, 17, 18, 21, 27, 31, 255]));
    expect(barcode.value).toBe('SM019AHJNVZZ');
    expect(barcode.value).toMatch(Barcode.PATTERN);
  });

  it('uses every character of the alphabet and never I, L, O or U', () => {
    const seen = new Set<string>();
    for (let byte = 0; byte < 256; byte += 1) {
      const { value } = Barcode.fromRandomBytes(new Uint8Array(10).fill(byte));
      expect(value).toMatch(Barcode.PATTERN);
      seen.add(value[2]!);
    }
    expect(seen.size).toBe(32);
    expect([...seen].join('')).not.toMatch(/[ILOU]/);
  });

  it('refuses too few random bytes', () => {
    expect(() => Barcode.fromRandomBytes(new Uint8Array(9))).toThrow(RangeError);
  });

  it.each([
    ['sm01-9ahj nvzz', 'SM019AHJNVZZ'],
    [' SMO1IL000000 ', 'SM0111000000'],
    ['SM019AHJNVZZ', 'SM019AHJNVZZ'],
    ['not a barcode', 'NOTABARCODE'],
  ])('normalises what was typed or scanned: %j → %s', (input, expected) => {
    expect(Barcode.normalise(input)).toBe(expected);
  });
});
