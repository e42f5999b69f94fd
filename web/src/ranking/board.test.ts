import { describe, expect, it } from 'vitest';
import { movementText, updateBoard, type RankingEntry } from './board';

const entry = (rank: number, id: string, borrowCount: number): RankingEntry => ({
  rank,
  borrowCount,
  book: { id, title: `Book ${id}`, authors: ['Someone'] },
});

describe('the live ranking board', () => {
  it('marks nothing, and says nothing, on the first load', () => {
    const board = updateBoard(null, [entry(1, 'a', 3), entry(2, 'b', 1)]);
    expect(board.rows.map((row) => [row.book.id, row.movement, row.changed])).toEqual([
      ['a', 'same', false],
      ['b', 'same', false],
    ]);
    expect(board.announcement).toBe('');
  });

  it('marks each book’s move since the last update and highlights what changed', () => {
    const before = [entry(1, 'a', 5), entry(2, 'b', 4), entry(3, 'c', 2)];
    const after = [entry(1, 'c', 6), entry(2, 'a', 5), entry(3, 'd', 1)];
    const { rows } = updateBoard(before, after);
    expect(
      rows.map((row) => ({
        id: row.book.id,
        movement: row.movement,
        places: row.places,
        changed: row.changed,
      })),
    ).toEqual([
      { id: 'c', movement: 'up', places: 2, changed: true },
      { id: 'a', movement: 'down', places: 1, changed: true },
      { id: 'd', movement: 'new', places: 0, changed: true },
    ]);
    expect(rows.map(movementText).map((m) => m.text)).toEqual([
      'up 2 places',
      'down 1 place',
      'new in the ranking',
    ]);
  });

  it('announces the biggest news first, at most two items', () => {
    const before = [entry(1, 'a', 5), entry(2, 'b', 4), entry(3, 'c', 3), entry(4, 'e', 2)];
    const after = [entry(1, 'e', 9), entry(2, 'c', 6), entry(3, 'a', 5), entry(4, 'n', 1)];
    expect(updateBoard(before, after).announcement).toBe(
      'Ranking updated. “Book n” enters at 4th. “Book e” moves up to 1st.',
    );
  });

  it('announces a new borrow count when nobody moved, and nothing when nothing changed', () => {
    const before = [entry(1, 'a', 5), entry(2, 'b', 4)];
    const counted = updateBoard(before, [entry(1, 'a', 6), entry(2, 'b', 4)]);
    expect(counted.announcement).toBe('Ranking updated. “Book a” now has 6 borrows.');
    expect(counted.rows.map((row) => row.changed)).toEqual([true, false]);
    expect(updateBoard(before, before).announcement).toBe('');
  });
});
