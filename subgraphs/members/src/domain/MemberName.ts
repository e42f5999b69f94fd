import { InvalidInput } from '@shelfmark/errors';

declare const brand: unique symbol;

/** What a member is called: trimmed, 1 to 200 characters. */
export type MemberName = string & { readonly [brand]: 'MemberName' };

export const MEMBER_NAME_MAX_LENGTH = 200;

export const MemberName = {
  parse(input: string): MemberName {
    const name = input.trim();
    if (!name) throw new InvalidInput('name', 'The name must not be empty.');
    if ([...name].length > MEMBER_NAME_MAX_LENGTH) {
      throw new InvalidInput('name', `The name must be at most ${MEMBER_NAME_MAX_LENGTH} characters.`);
    }
    return name as MemberName;
  },
};
