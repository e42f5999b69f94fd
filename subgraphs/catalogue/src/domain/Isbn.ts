import { InvalidInput } from '@shelfmark/errors';

/**
 * An ISBN-13, normalised to its 13 digits. Accepts hyphens and spaces, and ISBN-10s, which are
 * converted (978 prefix, new check digit): one book has one key however it was typed.
 */
export class Isbn {
  private constructor(readonly value: string) {}

  static parse(input: string): Isbn {
    const compact = input.replace(/[\s-]/g, '').toUpperCase();
    if (/^\d{9}[\dX]$/.test(compact)) {
      if (checkDigit10(compact.slice(0, 9)) !== compact[9])
        throw invalid(input, 'its ISBN-10 check digit is wrong');
      const body = `978${compact.slice(0, 9)}`;
      return new Isbn(body + checkDigit13(body));
    }
    if (!/^\d{13}$/.test(compact)) throw invalid(input, 'an ISBN has 13 digits (or 10 for an old ISBN-10)');
    if (!compact.startsWith('978') && !compact.startsWith('979'))
      throw invalid(input, 'an ISBN-13 starts with 978 or 979');
    if (checkDigit13(compact.slice(0, 12)) !== compact[12]) throw invalid(input, 'its check digit is wrong');
    return new Isbn(compact);
  }

  toString(): string {
    return this.value;
  }
}

function checkDigit13(first12: string): string {
  const sum = [...first12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return String((10 - (sum % 10)) % 10);
}

function checkDigit10(first9: string): string {
  const sum = [...first9].reduce((acc, digit, i) => acc + Number(digit) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

function invalid(input: string, why: string): InvalidInput {
  return new InvalidInput('isbn', `${JSON.stringify(input)} is not a valid ISBN: ${why}.`);
}
