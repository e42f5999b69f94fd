import { InvalidInput } from '@shelfmark/errors';
import { MemberCard, randomCardNumber } from './MemberCard';

describe('MemberCard', () => {
  it('is valid for the given number of years from the day it is issued', () => {
    const card = MemberCard.issue('SM-00000042', new Date('2026-03-10T12:00:00Z'), 3);
    expect(card).toMatchObject({
      number: 'SM-00000042',
      issuedAt: new Date('2026-03-10T12:00:00Z'),
      expiresAt: new Date('2029-03-10T12:00:00Z'),
    });
  });

  it('rolls a card issued on 29 February over to 1 March', () => {
    expect(MemberCard.issue('SM-12345678', new Date('2028-02-29T00:00:00Z'), 1).expiresAt).toEqual(
      new Date('2029-03-01T00:00:00Z'),
    );
  });

  it.each(['SM-1234567', 'SM-123456789', 'XX-12345678', 'SM-1234567a'])(
    'refuses the card number %j',
    (number) => {
      expect(() => MemberCard.issue(number, new Date(), 3)).toThrow(InvalidInput);
    },
  );

  it.each([0, -1, 1.5])('refuses a validity of %j years', (years) => {
    expect(() => MemberCard.issue('SM-12345678', new Date(), years)).toThrow(/whole number of years/);
  });

  it('draws random numbers of the form SM-########', () => {
    const numbers = Array.from({ length: 200 }, randomCardNumber);
    for (const number of numbers) expect(number).toMatch(/^SM-\d{8}$/);
    expect(new Set(numbers).size).toBeGreaterThan(190);
  });
});
