import { normaliseSubject, type BookPage, type BookRepository } from '../../domain';

export interface FindBooks {
  readonly search?: string | null;
  readonly subject?: string | null;
  readonly first: number;
  readonly after?: readonly [string, string] | null;
}

/** Catalogue search: every word must match the title, subtitle, an author or the ISBN. */
export class BookFinder {
  constructor(private readonly books: BookRepository) {}

  find({ search, subject, first, after }: FindBooks): Promise<BookPage> {
    return this.books.search({
      terms: searchTerms(search ?? ''),
      subject: subject?.trim() ? normaliseSubject(subject) : null,
      first,
      after: after ?? null,
    });
  }
}

/** Lower-cased words; a hyphenated ISBN is one term without its hyphens. */
export function searchTerms(search: string): string[] {
  return search
    .toLowerCase()
    .split(/\s+/)
    .map((term) => (/^[\d-]+x?$/.test(term) ? term.replace(/-/g, '') : term))
    .filter(Boolean)
    .slice(0, 10);
}
