import { raw, type EntityManager } from '@mikro-orm/core';
import type { EntityManager as MongoEntityManager } from '@mikro-orm/mongodb';

/** Whether this unit of work talks to MongoDB (which aggregates instead of GROUP BY). */
export function isMongo(em: EntityManager): em is EntityManager & MongoEntityManager {
  return 'aggregate' in em && typeof (em as { aggregate?: unknown }).aggregate === 'function';
}

/**
 * A filter for strings containing `fragment` literally, case-insensitively, on either driver.
 * Every character of the fragment means itself: on SQL, `LIKE` with its wildcards (`%`, `_`) and
 * the escape character escaped under an explicit `ESCAPE` clause (SQLite's `LIKE` has no default
 * escape); on MongoDB, which has no `LIKE`, a regular expression with its metacharacters escaped.
 */
export function containing(em: EntityManager, fragment: string): { $like: string } | RegExp {
  if (isMongo(em)) return new RegExp(fragment.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'i');
  const pattern = `%${fragment.replace(/[%_\\]/g, '\\$&')}%`;
  // A raw fragment (bound like any value) is how MikroORM lets a condition carry its ESCAPE.
  return { $like: raw<object, string>(`? escape '\\'`, [pattern]) };
}
