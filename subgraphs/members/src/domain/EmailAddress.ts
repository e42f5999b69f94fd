import { InvalidInput } from '@shelfmark/errors';

declare const brand: unique symbol;

/** A normalised (trimmed, lower-case) and validated e-mail address: one person, one key. */
export type EmailAddress = string & { readonly [brand]: 'EmailAddress' };

/** RFC 5321 limits: 64 characters before the @, 254 in all. */
const MAX_LENGTH = 254;
const MAX_LOCAL_PART = 64;
/**
 * The same "practical" pattern as the `email` of the member-registered contract (zod's default),
 * so an address members accepts is one its own events can carry.
 */
const PATTERN = /^(?:[a-z0-9_'+-]+\.)*[a-z0-9_'+-]*[a-z0-9_+-]@(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}$/;

export const EmailAddress = {
  /** How an address is compared: trimmed and lower-cased, whether or not it is valid. */
  normalise(input: string): string {
    return input.trim().toLowerCase();
  },

  parse(input: string): EmailAddress {
    const address = EmailAddress.normalise(input);
    if (!address) throw new InvalidInput('email', 'The email must not be empty.');
    if (address.length > MAX_LENGTH) {
      throw new InvalidInput('email', `The email must be at most ${MAX_LENGTH} characters.`);
    }
    const at = address.lastIndexOf('@');
    if (!PATTERN.test(address) || at > MAX_LOCAL_PART) {
      throw new InvalidInput(
        'email',
        `The email ${JSON.stringify(input.trim())} is not a valid e-mail address; use one like name@example.org.`,
      );
    }
    return address as EmailAddress;
  },
};
