import { InvalidInput } from '@shelfmark/errors';
import { copyCount, MAX_COPIES_PER_REQUEST } from './CopyCount';

describe('copyCount', () => {
  it.each([1, 3, MAX_COPIES_PER_REQUEST])('accepts %i', (count) => {
    expect(copyCount(count)).toBe(count);
  });

  it.each([0, -1, MAX_COPIES_PER_REQUEST + 1, 2.5, Number.NaN])(
    'refuses %p as BAD_USER_INPUT naming count',
    (count) => {
      const attempt = () => copyCount(count);
      expect(attempt).toThrow(
        expect.objectContaining({
          constructor: InvalidInput,
          field: 'count',
          code: 'BAD_USER_INPUT',
        }) as Error,
      );
      expect(attempt).toThrow(/from 1 to 1000/);
    },
  );
});
