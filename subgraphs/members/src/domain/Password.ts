import { InvalidInput } from '@shelfmark/errors';

declare const brand: unique symbol;

/** A plain-text password that meets the policy. It lives only as long as it takes to hash it. */
export type Password = string & { readonly [brand]: 'Password' };

export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for any passphrase; bounded so nobody makes the server hash a megabyte. */
export const PASSWORD_MAX_LENGTH = 256;

export const Password = {
  /** Length is counted in characters (code points), so an emoji counts once. Nothing is trimmed. */
  parse(input: string): Password {
    const length = [...input].length;
    if (length < PASSWORD_MIN_LENGTH) {
      throw new InvalidInput('password', `The password must be at least ${PASSWORD_MIN_LENGTH} characters.`);
    }
    if (length > PASSWORD_MAX_LENGTH) {
      throw new InvalidInput('password', `The password must be at most ${PASSWORD_MAX_LENGTH} characters.`);
    }
    return input as Password;
  },
};
