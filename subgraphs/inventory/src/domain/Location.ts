import { InvalidInput } from '@shelfmark/errors';

export const MAX_LOCATION_LENGTH = 100;

/**
 * Where a copy is shelved, as free text ("Fiction A–C, shelf 3"). Blank means not recorded.
 */
export function copyLocation(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return null;
  if (trimmed.length > MAX_LOCATION_LENGTH) {
    throw new InvalidInput('location', `The location must be at most ${MAX_LOCATION_LENGTH} characters.`);
  }
  return trimmed;
}
