import { InvalidInput } from '@shelfmark/errors';

/**
 * A copy's barcode as a librarian typed or scanned it, read the way inventory stores barcodes
 * (inventory's `Barcode.normalise`; loans keeps the barcode inventory answered on each loan): upper
 * case, without spaces or hyphens, Crockford's look-alikes (O → 0, I and L → 1) read as digits.
 */
export function readBarcode(input: string, field: string): string {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (compact === '') throw new InvalidInput(field, 'A barcode cannot be empty.');
  if (!compact.startsWith('SM')) return compact;
  return `SM${compact.slice(2).replace(/O/g, '0').replace(/[IL]/g, '1')}`;
}

/**
 * A library card number as typed or scanned — `SM-04718265`, `sm04718265`, ` SM-0471 8265 ` — in
 * the form members issues it (`SM-` and eight digits). Anything else is returned trimmed and upper
 * case: no card has it, and the lookup says so.
 */
export function readCardNumber(input: string): string {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  if (compact === '') throw new InvalidInput('cardNumber', 'Type or scan the member’s card number.');
  const digits = /^SM(\d{8})$/.exec(compact)?.[1];
  return digits ? `SM-${digits}` : input.trim().toUpperCase();
}
