import { bearerToken, identify, type Identity } from '@shelfmark/subgraph-kit';
import type { KeyObject } from 'node:crypto';

/**
 * `identify` with the verdicts on good tokens remembered until each token expires: a client sends
 * the same token on every request, and checking its Ed25519 signature every time was a fixed cost
 * of each request at the router. A token is stateless (nothing revokes it before it expires), so
 * the verdict for the same bytes cannot change before then; a bad or expired token is never
 * remembered and is refused by `identify` as before. At most `capacity` tokens are kept, the least
 * recently used going first.
 */
export function identityCache(
  publicKey: KeyObject,
  capacity = 10_000,
  now: () => number = Date.now,
): (header: string | undefined) => Promise<Identity | null> {
  const verified = new Map<string, { identity: Identity; expiresAtMs: number }>();
  return async (header) => {
    let token: string | undefined;
    try {
      token = bearerToken(header);
    } catch {
      // A malformed header: identify refuses it with its UNAUTHENTICATED error.
      return identify(header, publicKey);
    }
    const known = token === undefined ? undefined : verified.get(token);
    if (known && known.expiresAtMs > now()) {
      // Most recently used last.
      verified.delete(token!);
      verified.set(token!, known);
      return known.identity;
    }
    if (known) verified.delete(token!);
    const identity = await identify(header, publicKey);
    const expiresAtMs = token && identity ? expiryOf(token) : undefined;
    if (identity && expiresAtMs !== undefined) {
      verified.set(token!, { identity, expiresAtMs });
      if (verified.size > capacity) verified.delete(verified.keys().next().value!);
    }
    return identity;
  };
}

/** The `exp` of a token whose signature has just been verified, in ms; undefined when it has none. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
