import { InvalidInput } from '@shelfmark/errors';
import { memberRegisteredV1 } from '@shelfmark/events';
import { EmailAddress } from './EmailAddress';

describe('EmailAddress', () => {
  it.each([
    ['ada@library.test', 'ada@library.test'],
    ['  Ada.Lovelace@Library.TEST ', 'ada.lovelace@library.test'],
    ["o'brien+loans@mail.example.org", "o'brien+loans@mail.example.org"],
    ['x_y-z@sub-domain.example.co', 'x_y-z@sub-domain.example.co'],
  ])('normalises %j to %s', (input, expected) => {
    expect(EmailAddress.parse(input)).toBe(expected);
  });

  it.each([
    ['', /must not be empty/],
    ['   ', /must not be empty/],
    ['ada', /not a valid e-mail address/],
    ['ada@', /not a valid e-mail address/],
    ['@library.test', /not a valid e-mail address/],
    ['ada@library', /not a valid e-mail address/],
    ['ada lovelace@library.test', /not a valid e-mail address/],
    ['ada..lovelace@library.test', /not a valid e-mail address/],
    ['.ada@library.test', /not a valid e-mail address/],
    ['ada@-library.test', /not a valid e-mail address/],
    ['ada@library.test@evil.test', /not a valid e-mail address/],
    [`${'a'.repeat(65)}@library.test`, /not a valid e-mail address/],
    [`ada@${'a'.repeat(250)}.test`, /at most 254 characters/],
  ])('refuses %j, naming the email field', (input, why) => {
    const attempt = () => EmailAddress.parse(input);
    expect(attempt).toThrow(InvalidInput);
    expect(attempt).toThrow(why);
    expect(attempt).toThrow(expect.objectContaining({ field: 'email' }) as Error);
  });

  it('accepts only addresses the member-registered contract accepts too', () => {
    const accepted = ['ada@library.test', "o'brien+loans@mail.example.org", `${'a'.repeat(64)}@library.test`];
    for (const address of accepted) {
      expect(memberRegisteredV1.shape.email.safeParse(EmailAddress.parse(address)).success).toBe(true);
    }
  });

  it('normalises without validating, for looking an address up', () => {
    expect(EmailAddress.normalise('  Not An Address ')).toBe('not an address');
  });
});
