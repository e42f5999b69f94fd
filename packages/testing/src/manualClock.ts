/** A clock a test moves by hand: `clock.now()` is what every subgraph given `clock.now` tells. */
export interface ManualClock {
  readonly now: () => Date;
  set(to: Date): void;
  advanceDays(days: number): void;
  advanceMs(ms: number): void;
}

export function manualClock(start = new Date('2026-03-02T09:00:00.000Z')): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (to) => {
      current = to.getTime();
    },
    advanceDays: (days) => {
      current += days * 24 * 60 * 60 * 1000;
    },
    advanceMs: (ms) => {
      current += ms;
    },
  };
}
