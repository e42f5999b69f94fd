/** Crockford's base 32: no I, L, O or U, so a barcode read aloud or typed is hard to get wrong. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'SM';
const LENGTH = 10;

/**
 * The label stuck on a physical copy: "SM" and 10 Crockford base-32 characters (50 random bits).
 * Random rather than sequential, so that no counter has to be shared between writers; the unique
 * index on barcodes settles the (rare) collision and the caller draws again.
 */
export class Barcode {
  /** How many random bytes {@link Barcode.fromRandomBytes} consumes. */
  static readonly RANDOM_BYTES = LENGTH;
  static readonly PATTERN = /^SM[0-9A-HJKMNP-TV-Z]{10}$/;

  private constructor(readonly value: string) {}

  /**
   * A barcode from 10 uniformly random bytes (e.g. `crypto.randomBytes`). Each byte gives one
   * character from its low 5 bits; 256 is a multiple of 32, so every character is equally likely.
   */
  static fromRandomBytes(bytes: Uint8Array): Barcode {
    if (bytes.length < LENGTH)
      throw new RangeError(`A barcode needs ${LENGTH} random bytes, got ${bytes.length}`);
    let body = '';
    for (let i = 0; i < LENGTH; i += 1) body += CROCKFORD[bytes[i]! & 31];
    return new Barcode(PREFIX + body);
  }

  /**
   * What a person typed or a scanner read, in the form barcodes are stored: upper case, without
   * spaces or hyphens, and with Crockford's look-alikes (O → 0, I and L → 1) read as digits.
   */
  static normalise(input: string): string {
    const compact = input.replace(/[\s-]/g, '').toUpperCase();
    if (!compact.startsWith(PREFIX)) return compact;
    return PREFIX + compact.slice(PREFIX.length).replace(/O/g, '0').replace(/[IL]/g, '1');
  }

  toString(): string {
    return this.value;
  }
}
