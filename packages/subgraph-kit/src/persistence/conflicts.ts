import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ConcurrentChange } from '@shelfmark/errors';

/**
 * How every write that lost a race is tried again, across all subgraphs: a few attempts, each on
 * a fresh read, after small jittered delays so racers do not collide again in lockstep. Enough for
 * a burst of writers on one aggregate; past it the caller hears CONFLICT (an event handler's bus
 * then retries the event later, with its own back-off).
 */
export const CONFLICT_RETRY = {
  /** Attempts in all, the first included. */
  attempts: 8,
  /** The longest first delay; each next one may be twice as long, up to `maxDelayMs`. */
  initialDelayMs: 2,
  maxDelayMs: 50,
} as const;

/**
 * Whether a write lost a race: an aggregate's version moved, or a concurrent insert of the same key
 * won — as MikroORM reports it, or as a repository translated it (ConcurrentChange).
 */
export function isConflict(error: unknown): boolean {
  return (
    error instanceof OptimisticLockError ||
    error instanceof UniqueConstraintViolationException ||
    error instanceof ConcurrentChange
  );
}

/**
 * Runs `attempt` until it does not lose a race, at most {@link CONFLICT_RETRY}`.attempts` times.
 * Each attempt must load what it changes afresh (a new unit of work), so it decides on the state
 * that won. After the last lost race it throws ConcurrentChange (CONFLICT): nothing was changed,
 * the caller may retry. Any other error ends it at once.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  // A plain loop rather than a back-off library: nearly every write wins at once, and this runs
  // on every write of every request and consumer, so the first attempt costs one call, no more.
  for (let attempts = 1; ; attempts += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (attempts >= CONFLICT_RETRY.attempts) {
        throw error instanceof ConcurrentChange ? error : new ConcurrentChange();
      }
      await sleep(conflictDelayMs(attempts));
    }
  }
}

/** Full jitter: anywhere up to `initialDelayMs` doubled per lost race so far, at most `maxDelayMs`. */
function conflictDelayMs(lost: number): number {
  const ceiling = Math.min(CONFLICT_RETRY.initialDelayMs * 2 ** (lost - 1), CONFLICT_RETRY.maxDelayMs);
  return Math.round(Math.random() * ceiling);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
