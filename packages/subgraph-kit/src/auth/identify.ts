import { ErrorCode } from '@shelfmark/errors';
import { GraphQLError } from 'graphql';
import type { KeyObject } from 'node:crypto';
import type { Identity } from './Identity';
import { bearerToken, InvalidToken, verifyToken } from './tokens';

/**
 * Who an `Authorization` header says is calling, as the router and every subgraph read it: null
 * without a header (an anonymous caller), the token's identity when it verifies, and an
 * UNAUTHENTICATED error (HTTP 401) for anything else, a malformed header or an expired, forged or
 * garbled token, so a bad token is refused rather than treated as anonymous.
 */
export async function identify(header: string | undefined, publicKey: KeyObject): Promise<Identity | null> {
  try {
    const token = bearerToken(header);
    return token ? await verifyToken(token, publicKey) : null;
  } catch (error) {
    if (!(error instanceof InvalidToken)) throw error;
    throw new GraphQLError(error.message, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
}
