/** What an ISBN typed at the desk is: complete and valid, still being typed, or wrong. */
export type IsbnCheck =
  | { readonly state: 'valid'; readonly digits: string }
  | { readonly state: 'incomplete' | 'invalid'; readonly message: string };

/**
 * Checks an ISBN-10 or ISBN-13 as it is typed (hyphens and spaces allowed, as printed on books):
 * its characters, its length and its check digit. The API checks the same (AddBookInput.isbn);
 * saying it here spares the librarian a round trip, and a scanner's misread is caught at once.
 */
export function checkIsbn(typed: string): IsbnCheck {
  const text = typed.trim();
  if (!text) return { state: 'incomplete', message: 'Enter the ISBN: 10 or 13 digits.' };
  if (/[^0-9Xx\s-]/.test(text)) {
    return {
      state: 'invalid',
      message: 'An ISBN has only digits (and X as the last of 10), hyphens and spaces.',
    };
  }
  const digits = text.replace(/[\s-]/g, '').toUpperCase();
  if (/X./.test(digits))
    return { state: 'invalid', message: 'X can only be the last character of an ISBN-10.' };
  if (digits.length === 10) {
    return isbn10Valid(digits)
      ? { state: 'valid', digits }
      : {
          state: 'invalid',
          message: 'This ISBN-10 does not add up: check its digits (its last one is a check digit).',
        };
  }
  if (digits.length === 13) {
    if (digits.includes('X')) return { state: 'invalid', message: 'An ISBN-13 has digits only.' };
    return isbn13Valid(digits)
      ? { state: 'valid', digits }
      : {
          state: 'invalid',
          message: 'This ISBN-13 does not add up: check its digits (its last one is a check digit).',
        };
  }
  if (digits.length > 13)
    return { state: 'invalid', message: 'An ISBN has 10 or 13 digits; this one has more.' };
  return {
    state: 'incomplete',
    message: `An ISBN has 10 or 13 digits; this one has ${digits.length} so far.`,
  };
}

function isbn10Valid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const char = digits[i]!;
    if (char === 'X' && i !== 9) return false;
    sum += (char === 'X' ? 10 : Number(char)) * (10 - i);
  }
  return sum % 11 === 0;
}

function isbn13Valid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}
