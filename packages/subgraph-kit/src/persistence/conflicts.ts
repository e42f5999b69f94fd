import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ConcurrentChange } from '@shelfmark/errors';

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
 * Runs `attempt` until it does not lose a race, at most `attempts` times. Each attempt must load
 * what it changes afresh (a new unit of work), so it decides on the state that won. After the last
 * lost race it throws ConcurrentChange (CONFLICT): nothing was changed, the caller may retry.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, attempts = 8): Promise<T> {
  for (let round = 1; ; round += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (round >= attempts) throw error instanceof ConcurrentChange ? error : new ConcurrentChange();
      // A little jitter so racers do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * round));
    }
  }
}
