import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import { ROLES, type Identity, type Role } from './Identity';

/**
 * Tokens are EdDSA (Ed25519) JWTs: members signs them with the private key; the router and every
 * subgraph verify them with the public key only, so no other process can mint one.
 * The algorithm is pinned on both sides; `none` and HMAC tokens are refused.
 */
export const TOKEN_ALGORITHM = 'EdDSA';
export const TOKEN_ISSUER = 'urn:shelfmark:members';
export const TOKEN_AUDIENCE = 'urn:shelfmark';

export interface TokenKeys {
  readonly publicKey: KeyObject;
  /** Only the members subgraph (the issuer) has it. */
  readonly privateKey?: KeyObject;
}

/** Why a presented token was refused; the message is safe to show to the caller. */
export class InvalidToken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidToken';
  }
}

export async function issueToken(identity: Identity, keys: TokenKeys, ttlSeconds: number): Promise<string> {
  if (!keys.privateKey) throw new Error('This process has no signing key: only members issues tokens');
  return new SignJWT({ role: identity.role })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
    .setSubject(identity.memberId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keys.privateKey);
}

export async function verifyToken(token: string, publicKey: KeyObject): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp'],
    });
    const role = payload['role'];
    if (typeof payload.sub !== 'string' || !ROLES.includes(role as Role)) {
      throw new InvalidToken('The token does not say who you are.');
    }
    return { memberId: payload.sub, role: role as Role };
  } catch (error) {
    if (error instanceof InvalidToken) throw error;
    if (error instanceof errors.JWTExpired)
      throw new InvalidToken('Your session has expired. Please sign in again.');
    throw new InvalidToken('The token is not valid. Please sign in again.');
  }
}

/** Reads `Authorization: Bearer <token>`; anything else is refused rather than ignored. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new InvalidToken('The Authorization header must be "Bearer <token>".');
  return match[1];
}

/** Parses PEM key material given in configuration. */
export function keysFromPem(publicPem: string, privatePem?: string): TokenKeys {
  return {
    publicKey: createPublicKey(publicPem),
    ...(privatePem ? { privateKey: createPrivateKey(privatePem) } : {}),
  };
}

/**
 * The embedded default: a key pair kept under the data directory, made on first start, so tokens
 * survive restarts without anyone configuring keys. Production passes keys in configuration.
 */
export function loadOrCreateKeys(dataDir: string): Required<TokenKeys> {
  const dir = join(dataDir, 'keys');
  const privatePath = join(dir, 'token-signing.key.pem');
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const privateKey = createPrivateKey(readFileSync(privatePath, 'utf8'));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
