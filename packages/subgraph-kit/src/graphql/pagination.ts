import { InvalidInput } from '@shelfmark/errors';

export const MAX_PAGE_SIZE = 100;

/** Validates a Relay `first` argument: 1..100. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new InvalidInput(
      'first',
      `"first" must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${size}.`,
    );
  }
  return size;
}

/** Opaque cursors: base64url of a JSON value the subgraph chose. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T>(cursor: string, isValid: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    /* fall through */
  }
  throw new InvalidInput(
    'after',
    'The "after" cursor is not one this API gave out. Use a cursor from pageInfo.endCursor.',
  );
}
