import { keysFromPem, loadOrCreateKeys, type TokenKeys } from '@shelfmark/subgraph-kit';

/**
 * The token keys a process may hold: only members gets the signing key; everyone else verifies
 * with the public key alone.
 */
export function processKeys(
  config: {
    SHELFMARK_JWT_PUBLIC_KEY?: string | undefined;
    SHELFMARK_JWT_PRIVATE_KEY?: string | undefined;
    SHELFMARK_KEYS_DIR?: string | undefined;
  },
  signs: boolean,
): TokenKeys {
  if (config.SHELFMARK_JWT_PUBLIC_KEY) {
    if (signs && !config.SHELFMARK_JWT_PRIVATE_KEY) {
      throw new Error(
        'Invalid configuration:\n- SHELFMARK_JWT_PRIVATE_KEY: members signs tokens and needs the private key',
      );
    }
    const privatePem =
      signs && config.SHELFMARK_JWT_PRIVATE_KEY ? pem(config.SHELFMARK_JWT_PRIVATE_KEY) : undefined;
    return keysFromPem(pem(config.SHELFMARK_JWT_PUBLIC_KEY), privatePem);
  }
  const { publicKey, privateKey } = loadOrCreateKeys(config.SHELFMARK_KEYS_DIR!);
  return signs ? { publicKey, privateKey } : { publicKey };
}

/** PEM as is, or base64 of the PEM (one line, as `npm run keys` prints it for .env files). */
function pem(value: string): string {
  return value.includes('-----BEGIN') ? value : Buffer.from(value, 'base64').toString('utf8');
}
