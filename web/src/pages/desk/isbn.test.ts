import { describe, expect, it } from 'vitest';
import { checkIsbn } from './isbn';

describe('checkIsbn', () => {
  it('accepts ISBN-13 and ISBN-10 with hyphens or spaces, and an X check digit', () => {
    expect(checkIsbn('978-0-14-143951-8')).toEqual({ state: 'valid', digits: '9780141439518' });
    expect(checkIsbn(' 0 14 143951 3 ')).toEqual({ state: 'valid', digits: '0141439513' });
    expect(checkIsbn('0-8044-2957-x')).toEqual({ state: 'valid', digits: '080442957X' });
  });

  it('refuses a wrong check digit, letters, and an X anywhere but last', () => {
    expect(checkIsbn('978-0-14-143951-9')).toMatchObject({
      state: 'invalid',
      message: /ISBN-13 does not add up/,
    });
    expect(checkIsbn('0141439514')).toMatchObject({ state: 'invalid', message: /ISBN-10 does not add up/ });
    expect(checkIsbn('97801414A9518')).toMatchObject({ state: 'invalid', message: /only digits/ });
    expect(checkIsbn('X141439513')).toMatchObject({ state: 'invalid', message: /last character/ });
    expect(checkIsbn('978014143951X')).toMatchObject({ state: 'invalid', message: /digits only/ });
    expect(checkIsbn('97801414395180')).toMatchObject({ state: 'invalid', message: /more/ });
  });

  it('says how far a number being typed has got', () => {
    expect(checkIsbn('')).toMatchObject({ state: 'incomplete', message: /Enter the ISBN/ });
    expect(checkIsbn('978-0-14')).toEqual({
      state: 'incomplete',
      message: 'An ISBN has 10 or 13 digits; this one has 6 so far.',
    });
  });
});
