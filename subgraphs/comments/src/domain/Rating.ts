/** What readers think of a book, over every comment that gave a rating. */
export interface Rating {
  /** Null when nobody rated the book yet. */
  readonly average: number | null;
  readonly count: number;
}

export const NO_RATING: Rating = { average: null, count: 0 };

/** The rating from a running total of stars. */
export function ratingOf(stars: number, count: number): Rating {
  return count === 0 ? NO_RATING : { average: stars / count, count };
}
