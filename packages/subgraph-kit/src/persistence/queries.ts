import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as MongoEntityManager } from '@mikro-orm/mongodb';

/** Whether this unit of work talks to MongoDB (which aggregates instead of GROUP BY). */
export function isMongo(em: EntityManager): em is EntityManager & MongoEntityManager {
  return 'aggregate' in em && typeof (em as { aggregate?: unknown }).aggregate === 'function';
}

/**
 * A filter for strings containing `fragment` literally, case-insensitively, on either driver:
 * SQL `LIKE` (its wildcards in the fragment dropped, not obeyed), or on MongoDB, which has no
 * `LIKE`, the same match as an escaped regular expression.
 */
export function containing(em: EntityManager, fragment: string): { $like: string } | RegExp {
  const literal = fragment.replace(/[%_\\]/g, '');
  if (isMongo(em)) return new RegExp(literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'i');
  return { $like: `%${literal}%` };
}
