import { InvalidInput } from '@shelfmark/errors';
import { randomInt } from 'node:crypto';

const NUMBER_PATTERN = /^SM-\d{8}$/;

/** The library card a member is issued once they have registered. */
export class MemberCard {
  /** `SM-` and eight digits, unique across the library. */
  number!: string;
  issuedAt!: Date;
  expiresAt!: Date;

  static issue(number: string, now: Date, validityYears: number): MemberCard {
    if (!NUMBER_PATTERN.test(number))
      throw new InvalidInput('number', `${JSON.stringify(number)} is not a card number (SM-########).`);
    if (!Number.isInteger(validityYears) || validityYears < 1) {
      throw new InvalidInput('validityYears', 'A card is valid for a whole number of years, at least one.');
    }
    const card = new MemberCard();
    card.number = number;
    card.issuedAt = now;
    card.expiresAt = addYears(now, validityYears);
    return card;
  }
}

/** A fresh random card number; the unique index catches the rare collision and the issue is retried. */
export function randomCardNumber(): string {
  return `SM-${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/** Same day and time, `years` later (29 February rolls over to 1 March). */
function addYears(date: Date, years: number): Date {
  const later = new Date(date);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later;
}
