import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** Branch on the driver's typed exception, never on message text (style.md). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException;
}
