/** One subject of the facet, with how many of the counted matches have it (null: none counted). */
export interface FacetEntry {
  readonly subject: string;
  readonly count: number | null;
}

/**
 * The subject facet: every subject of the matching books, most frequent first (then by name).
 * The chosen subject stays listed even when no counted match has it, so the select can show it.
 */
export function subjectFacet(
  books: readonly { readonly subjects: readonly string[] }[],
  chosen: string | null,
): FacetEntry[] {
  const counts = new Map<string, number>();
  for (const book of books)
    for (const subject of new Set(book.subjects)) counts.set(subject, (counts.get(subject) ?? 0) + 1);
  const entries: FacetEntry[] = [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([subject, count]) => ({ subject, count }));
  if (chosen && !counts.has(chosen)) entries.unshift({ subject: chosen, count: null });
  return entries;
}
