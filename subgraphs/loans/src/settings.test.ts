import { minimumSagaTimeoutMs, resolveLoansSettings } from './settings';
import { deadBefore } from './application/recover-borrows/BorrowRecovery';

describe('loans settings: the saga timeout', () => {
  it('is derived from the peer timeout: as short as no live request can outlast', () => {
    expect(resolveLoansSettings().sagaTimeoutMs).toBe(5000);
    expect(resolveLoansSettings({ peerTimeoutMs: 300 }).sagaTimeoutMs).toBe(minimumSagaTimeoutMs(300));
    expect(() => resolveLoansSettings({ peerTimeoutMs: 2000, sagaTimeoutMs: 4999 })).toThrow(
      /sagaTimeoutMs must be at least twice peerTimeoutMs plus 1000 ms \(5000\)/,
    );
  });
});

describe('when recovery takes an unfinished saga for dead', () => {
  const clock = () => new Date('2026-11-29T12:00:00Z');
  const now = clock();

  it('waits for the saga timeout when another process may be serving it', () => {
    expect(deadBefore({ clock, sagaTimeoutMs: 5000 }, now)).toEqual(new Date('2026-11-29T11:59:55Z'));
  });

  it('regression: takes everything started before this process started at once when it is the only one', () => {
    const orphanedBefore = new Date('2026-11-29T11:59:59Z');
    expect(deadBefore({ clock, sagaTimeoutMs: 600_000, orphanedBefore }, now)).toEqual(orphanedBefore);
    // Later, the timeout catches up with requests this process started and lost.
    const later = new Date('2026-11-29T12:30:00Z');
    expect(deadBefore({ clock, sagaTimeoutMs: 600_000, orphanedBefore }, later)).toEqual(
      new Date('2026-11-29T12:20:00Z'),
    );
  });
});
