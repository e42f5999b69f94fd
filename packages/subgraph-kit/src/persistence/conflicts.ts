import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ConcurrentChange } from '@shelfmark/errors';
import { backOff } from 'exponential-backoff';

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
  try {
    return await backOff(attempt, {
      numOfAttempts: CONFLICT_RETRY.attempts,
      startingDelay: CONFLICT_RETRY.initialDelayMs,
      maxDelay: CONFLICT_RETRY.maxDelayMs,
      jitter: 'full',
      retry: (error: unknown) => isConflict(error),
    });
  } catch (error) {
    if (isConflict(error) && !(error instanceof ConcurrentChange)) throw new ConcurrentChange();
    throw error;
  }
}
