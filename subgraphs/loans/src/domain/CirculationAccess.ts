import { NotAllowed, NotSignedIn } from '@shelfmark/errors';

export type ReaderRole = 'MEMBER' | 'LIBRARIAN' | 'ADMIN';

/** Whoever asks to see circulation records. */
export interface Reader {
  readonly memberId: string;
  readonly role: ReaderRole;
}

export class NotYourCirculation extends NotAllowed {
  constructor() {
    super("Only the member themself or a librarian may see a member's loans and holds.");
  }
}

/**
 * A member's loans and holds are theirs: they and the library staff may read them, nobody else.
 * Throws when `reader` may not read the records of `memberId`.
 */
export function assertMayReadCirculationOf(reader: Reader | null, memberId: string): void {
  if (!reader) throw new NotSignedIn("Sign in to see a member's loans and holds.");
  if (reader.memberId === memberId || reader.role === 'LIBRARIAN' || reader.role === 'ADMIN') return;
  throw new NotYourCirculation();
}
