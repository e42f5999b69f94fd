import { silentLogger } from '@shelfmark/events';
import type { SubgraphRuntime } from '@shelfmark/subgraph-kit';
import { generateKeyPairSync } from 'node:crypto';
import { membersSubgraph } from './membersSubgraph';

describe('membersSubgraph', () => {
  it('refuses to start without the token signing key, since it is the one that issues tokens', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const runtime: SubgraphRuntime = {
      orm: {} as SubgraphRuntime['orm'],
      logger: silentLogger,
      keys: { publicKey },
      clock: () => new Date(),
      peers: () => undefined,
    };
    await expect(
      membersSubgraph({ initialPoints: 30, tokenTtlSeconds: 60 }).onStart!(runtime),
    ).rejects.toThrow(/needs the token signing \(private\) key/);
  });
});
