import { InvalidInput } from '@shelfmark/errors';
import { Isbn } from './Isbn';

describe('Isbn', () => {
  it.each([
    ['9780306406157', '9780306406157'],
    ['978-0-306-40615-7', '9780306406157'],
    [' 978 0 306 40615 7 ', '9780306406157'],
    ['0-306-40615-2', '9780306406157'],
    ['080442957X', '9780804429573'],
    ['979-10-90636-07-1', '9791090636071'],
  ])('normalises %j to %s', (input, expected) => {
    expect(Isbn.parse(input).value).toBe(expected);
  });

  it.each([
    ['9780306406158', /check digit is wrong/],
    ['0306406153', /ISBN-10 check digit is wrong/],
    ['123', /13 digits/],
    ['97803064061', /13 digits/],
    ['1234567890128', /starts with 978 or 979/],
    ['978030640615X', /13 digits/],
    ['', /13 digits/],
  ])('rejects %j', (input, why) => {
    const attempt = () => Isbn.parse(input);
    expect(attempt).toThrow(InvalidInput);
    expect(attempt).toThrow(why);
  });
});
