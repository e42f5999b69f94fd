import { issueToken } from '@shelfmark/subgraph-kit';
import { generateKeyPairSync } from 'node:crypto';
import { identityCache } from './identityCache';

describe("the router's remembered token verdicts", () => {
  const keys = generateKeyPairSync('ed25519');
  const member = { memberId: 'member-1', role: 'MEMBER' as const };

  afterEach(() => jest.useRealTimers());

  it('answers the same identity for the same token, and anonymous without one', async () => {
    const identify = identityCache(keys.publicKey);
    const token = await issueToken(member, keys, 60);
    expect(await identify(`Bearer ${token}`)).toEqual(member);
    expect(await identify(`Bearer ${token}`)).toEqual(member);
    expect(await identify(undefined)).toBeNull();
  });

  it('refuses a remembered token once it has expired', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const identify = identityCache(keys.publicKey);
    const token = await issueToken(member, keys, 60);
    expect(await identify(`Bearer ${token}`)).toEqual(member);
    jest.setSystemTime(Date.now() + 120_000);
    await expect(identify(`Bearer ${token}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('never remembers a forged or malformed token', async () => {
    const identify = identityCache(keys.publicKey);
    const forged = await issueToken(member, generateKeyPairSync('ed25519'), 60);
    for (let i = 0; i < 2; i += 1) {
      await expect(identify(`Bearer ${forged}`)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
      await expect(identify('Basic abc')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
  });
});
