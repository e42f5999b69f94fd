import { OptimisticLockError, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { isUniqueViolation } from '@shelfmark/subgraph-kit';

/** How many times a unit of work is tried in all before its conflict is left to the bus. */
export const CONFLICT_ATTEMPTS = 5;

/**
 * Runs a unit of work on a fresh fork of the entity manager, and again on a new fork each time it
 * lost a race to a concurrent writer: a book changed since it was read (its optimistic lock) or
 * added meanwhile (its primary key). The next attempt reads what the winner wrote. After
 * `attempts` in all the last conflict is thrown, so the bus retries the event with back-off.
 */
export async function retryOnConflict<T>(
  orm: MikroORM,
  work: (em: EntityManager) => Promise<T>,
  attempts = CONFLICT_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(orm.em.fork());
    } catch (error) {
      if (attempt >= attempts || !isConflict(error)) throw error;
    }
  }
}

function isConflict(error: unknown): boolean {
  return error instanceof OptimisticLockError || isUniqueViolation(error);
}
