import { GraphQLError } from 'graphql';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { identify } from '../src/auth/identify';
import { issueToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../src/auth/tokens';

const keys = generateKeyPairSync('ed25519');
const ada = { memberId: 'ada', role: 'MEMBER' } as const;

async function refusal(header: string): Promise<GraphQLError> {
  const error: unknown = await identify(header, keys.publicKey).catch((e: unknown) => e);
  if (!(error instanceof GraphQLError)) throw new Error(`expected a GraphQLError, got ${String(error)}`);
  return error;
}

describe('identify', () => {
  it('answers null for a caller without a token', async () => {
    expect(await identify(undefined, keys.publicKey)).toBeNull();
    expect(await identify('  ', keys.publicKey)).toBeNull();
  });

  it("answers the identity of a valid token's member", async () => {
    const token = await issueToken({ memberId: 'ada', role: 'LIBRARIAN' }, keys, 60);
    expect(await identify(`Bearer ${token}`, keys.publicKey)).toEqual({ memberId: 'ada', role: 'LIBRARIAN' });
  });

  it('refuses an expired token with UNAUTHENTICATED and HTTP 401', async () => {
    const expired = await new SignJWT({ role: 'MEMBER' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('ada')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(keys.privateKey);

    const error = await refusal(`Bearer ${expired}`);

    expect(error.message).toMatch(/session has expired/);
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  });

  it.each<[string, () => Promise<string>]>([
    ['garbage', () => Promise.resolve('Bearer not-a-jwt')],
    [
      'a token signed by another key',
      async () => `Bearer ${await issueToken(ada, generateKeyPairSync('ed25519'), 60)}`,
    ],
    ['a header that is not a bearer token', () => Promise.resolve('Basic YWRhOnNlY3JldA==')],
  ])('refuses %s with UNAUTHENTICATED and HTTP 401', async (_, header) => {
    const error = await refusal(await header());

    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  });
});
