import { InvalidInput } from '@shelfmark/errors';
import { MemberName } from './MemberName';

describe('MemberName', () => {
  it('trims, and accepts 1 to 200 characters', () => {
    expect(MemberName.parse('  Ada Lovelace ')).toBe('Ada Lovelace');
    expect(MemberName.parse('A')).toBe('A');
    expect(MemberName.parse(` ${'é'.repeat(200)} `)).toHaveLength(200);
  });

  it.each([
    ['', /must not be empty/],
    ['   ', /must not be empty/],
    ['x'.repeat(201), /at most 200 characters/],
  ])('refuses %j, naming the name field', (input, why) => {
    const attempt = () => MemberName.parse(input);
    expect(attempt).toThrow(InvalidInput);
    expect(attempt).toThrow(why);
    expect(attempt).toThrow(expect.objectContaining({ field: 'name' }) as Error);
  });
});
