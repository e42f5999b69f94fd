import { generateKeyPairSync } from 'node:crypto';

/**
 * `npm run keys`: prints a fresh Ed25519 key pair as .env lines (base64 of the PEM, one line each).
 * members gets both; the router and the other subgraphs only the public key.
 */
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const line = (pem: string | Buffer) => Buffer.from(pem).toString('base64');
console.log(`SHELFMARK_JWT_PUBLIC_KEY=${line(publicKey.export({ type: 'spki', format: 'pem' }))}`);
console.log(`SHELFMARK_JWT_PRIVATE_KEY=${line(privateKey.export({ type: 'pkcs8', format: 'pem' }))}`);
