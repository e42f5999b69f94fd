import { ordinal, plural } from '../format';

/** One place of the ranking as the API sends it (RankingEntry). */
export interface RankingEntry {
  readonly rank: number;
  readonly borrowCount: number;
  readonly book: { readonly id: string; readonly title: string; readonly authors: readonly string[] };
}

/** How a book moved since the board last changed. */
export type Movement = 'new' | 'up' | 'down' | 'same';

/** A place on the board, with what changed since the last update. */
export interface BoardRow extends RankingEntry {
  readonly movement: Movement;
  /** Places gained (up) or lost (down); 0 otherwise. */
  readonly places: number;
  /** Its rank or borrow count changed, or it is new: the board highlights it. */
  readonly changed: boolean;
}

/** The board after an update, and the sentence screen readers say about it. */
export interface Board {
  readonly rows: readonly BoardRow[];
  /** Empty when nothing a person would notice changed (or on the first load). */
  readonly announcement: string;
}

/**
 * Applies a ranking to the board: each row says how its book moved since `previous` (null on the
 * first load, when nothing is marked as moved), and one short sentence sums up the change for the
 * polite live region: the biggest news first (a newcomer, then the biggest climb), at most two.
 */
export function updateBoard(previous: readonly RankingEntry[] | null, next: readonly RankingEntry[]): Board {
  const before = new Map(previous?.map((entry) => [entry.book.id, entry]) ?? []);
  const rows: BoardRow[] = next.map((entry) => {
    const old = before.get(entry.book.id);
    if (!previous) return { ...entry, movement: 'same', places: 0, changed: false };
    if (!old) return { ...entry, movement: 'new', places: 0, changed: true };
    const places = old.rank - entry.rank;
    return {
      ...entry,
      movement: places > 0 ? 'up' : places < 0 ? 'down' : 'same',
      places: Math.abs(places),
      changed: places !== 0 || old.borrowCount !== entry.borrowCount,
    };
  });
  return { rows, announcement: previous ? announce(rows) : '' };
}

function announce(rows: readonly BoardRow[]): string {
  const news = [
    ...rows
      .filter((row) => row.movement === 'new')
      .map((row) => `“${row.book.title}” enters at ${ordinal(row.rank)}.`),
    ...rows
      .filter((row) => row.movement === 'up')
      .sort((a, b) => b.places - a.places || a.rank - b.rank)
      .map((row) => `“${row.book.title}” moves up to ${ordinal(row.rank)}.`),
    ...rows
      .filter((row) => row.movement === 'same' && row.changed)
      .map((row) => `“${row.book.title}” now has ${plural(row.borrowCount, 'borrow')}.`),
  ];
  if (news.length === 0) return '';
  return `Ranking updated. ${news.slice(0, 2).join(' ')}`;
}

/** What a row's movement says, for its badge and for screen readers. */
export function movementText(row: Pick<BoardRow, 'movement' | 'places'>): { mark: string; text: string } {
  switch (row.movement) {
    case 'new':
      return { mark: 'New', text: 'new in the ranking' };
    case 'up':
      return { mark: `▲ ${row.places}`, text: `up ${plural(row.places, 'place')}` };
    case 'down':
      return { mark: `▼ ${row.places}`, text: `down ${plural(row.places, 'place')}` };
    case 'same':
      return { mark: '', text: '' };
  }
}
