import type { LocationQueryValue } from 'vue-router';

/** Where to go after signing in: a path of this app only (never another site), else `fallback`. */
export function safeNext(
  next: LocationQueryValue | LocationQueryValue[] | undefined,
  fallback: string,
): string {
  const value = Array.isArray(next) ? next[0] : next;
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\')
    ? value
    : fallback;
}
