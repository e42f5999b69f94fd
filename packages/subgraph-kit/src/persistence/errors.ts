import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';

/** Branch on the driver's typed exception, never on message text (style.md). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException;
}

/**
 * Inserts a new row or document keyed by something natural (a book id, a loan id), or finds its
 * key taken — by an earlier or a concurrent insert, which is the same outcome for a read model fed
 * by redelivered events. True when this call inserted it.
 */
export async function insertIfAbsent(em: EntityManager, entity: object): Promise<boolean> {
  try {
    await em.persist(entity).flush();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
