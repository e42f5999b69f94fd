import { InvalidInput } from '@shelfmark/errors';
import { Password } from './Password';

describe('Password', () => {
  it('accepts 8 to 256 characters, unchanged (nothing is trimmed)', () => {
    expect(Password.parse('12345678')).toBe('12345678');
    expect(Password.parse(' spaces  ')).toBe(' spaces  ');
    expect(Password.parse('x'.repeat(256))).toHaveLength(256);
  });

  it('counts characters, not UTF-16 units', () => {
    // Seven emoji are fourteen UTF-16 units but seven characters: too short.
    expect(() => Password.parse('🔑'.repeat(7))).toThrow(/at least 8 characters/);
    expect(Password.parse('🔑'.repeat(8))).toBe('🔑'.repeat(8));
  });

  it.each([
    ['', /at least 8 characters/],
    ['1234567', /at least 8 characters/],
    ['x'.repeat(257), /at most 256 characters/],
  ])('refuses %j, naming the password field', (input, why) => {
    const attempt = () => Password.parse(input);
    expect(attempt).toThrow(InvalidInput);
    expect(attempt).toThrow(why);
    expect(attempt).toThrow(expect.objectContaining({ field: 'password' }) as Error);
  });
});
