import { InvalidInput, NotSignedIn } from '@shelfmark/errors';
import { OnlyStaffSearch, type MemberPage, type MemberRepository, type Viewer } from '../../domain';

/** The longest search a librarian can mean: a name, an address or a card number, not a page of text. */
export const MAX_SEARCH_LENGTH = 200;
const MAX_TERMS = 10;

export interface FindMembers {
  readonly search: string;
  readonly first: number;
  readonly after?: readonly [string, string] | null;
}

/**
 * The desk's member lookup: every word typed must appear in the member's name, e-mail or card
 * number, ignoring case (e.g. "ada", "lovelace@", "sm-0471"); pages sorted by name. Staff only:
 * it shows who belongs to the library.
 */
export class MemberFinder {
  constructor(private readonly members: MemberRepository) {}

  find(viewer: Viewer | null, { search, first, after }: FindMembers): Promise<MemberPage> {
    if (!viewer) throw new NotSignedIn();
    if (viewer.role !== 'LIBRARIAN' && viewer.role !== 'ADMIN') throw new OnlyStaffSearch();
    return this.members.search({ terms: searchTerms(search), first, after: after ?? null });
  }
}

/** Lower-cased words of what was typed: at least one, at most ten. */
export function searchTerms(search: string): string[] {
  if (search.length > MAX_SEARCH_LENGTH) {
    throw new InvalidInput('search', `A search is at most ${MAX_SEARCH_LENGTH} characters.`);
  }
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) {
    throw new InvalidInput('search', 'Type part of a name, an e-mail address or a card number.');
  }
  return terms.slice(0, MAX_TERMS);
}
