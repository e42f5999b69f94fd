import { generateKeyPairSync } from 'node:crypto';
import { loadRouterProcessConfig, loadSubgraphProcessConfig } from './config';
import { topologySettings } from '../env';
import { processKeys } from './keys';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('subgraph process configuration', () => {
  const valid = {
    SHELFMARK_SUBGRAPH: 'catalogue',
    DATABASE_URL: 'mongodb://mongo:27017/shelfmark-catalogue',
    KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
    SHELFMARK_JWT_PUBLIC_KEY: PUBLIC_PEM,
  };

  it('reads a subgraph process, with production defaults', () => {
    expect(loadSubgraphProcessConfig(valid)).toMatchObject({
      NODE_ENV: 'production',
      SHELFMARK_SUBGRAPH: 'catalogue',
      HOST: '0.0.0.0',
      KAFKA_BROKERS: ['kafka-1:9092', 'kafka-2:9092'],
      KAFKA_PARTITIONS: 3,
    });
  });

  it('leaves the saga timeout to loans (derived from the peer timeout) and refuses one too short', () => {
    const config = loadSubgraphProcessConfig({ ...valid, SHELFMARK_SUBGRAPH: 'loans' });
    expect(config.SHELFMARK_SAGA_TIMEOUT_SECONDS).toBeUndefined();
    expect(topologySettings(config).loans).not.toHaveProperty('inFlightDiesWithProcess');
    expect(() =>
      loadSubgraphProcessConfig({
        ...valid,
        SHELFMARK_SAGA_TIMEOUT_SECONDS: '4',
        SHELFMARK_PEER_TIMEOUT_MS: '2000',
      }),
    ).toThrow(/SHELFMARK_SAGA_TIMEOUT_SECONDS must be at least twice SHELFMARK_PEER_TIMEOUT_MS plus 1 s/);
  });

  it('names an unknown subgraph, a missing broker list and missing keys', () => {
    const attempt = () =>
      loadSubgraphProcessConfig({ SHELFMARK_SUBGRAPH: 'payments', DATABASE_URL: 'sqlite:x' });
    expect(attempt).toThrow(/SHELFMARK_SUBGRAPH/);
    expect(attempt).toThrow(/KAFKA_BROKERS/);
    expect(() => loadSubgraphProcessConfig({ ...valid, SHELFMARK_JWT_PUBLIC_KEY: undefined })).toThrow(
      /SHELFMARK_JWT_PUBLIC_KEY/,
    );
  });
});

describe('router process configuration', () => {
  const urls = Object.fromEntries(
    ['CATALOGUE', 'INVENTORY', 'MEMBERS', 'LOANS', 'COMMENTS', 'ANALYTICS'].map((n, i) => [
      `SHELFMARK_${n}_URL`,
      `http://${n.toLowerCase()}:${4001 + i}/graphql`,
    ]),
  );

  it('collects the six subgraph URLs by name', () => {
    const config = loadRouterProcessConfig({ ...urls, SHELFMARK_JWT_PUBLIC_KEY: PUBLIC_PEM });
    expect(config.subgraphUrls).toMatchObject({
      catalogue: 'http://catalogue:4001/graphql',
      analytics: 'http://analytics:4006/graphql',
    });
    expect(config.PORT).toBe(4000);
  });

  it('refuses to start without every subgraph URL', () => {
    expect(() => loadRouterProcessConfig({ SHELFMARK_JWT_PUBLIC_KEY: PUBLIC_PEM })).toThrow(
      /SHELFMARK_LOANS_URL/,
    );
  });
});

describe('process keys', () => {
  it('gives the signing key to members only', () => {
    const config = { SHELFMARK_JWT_PUBLIC_KEY: PUBLIC_PEM, SHELFMARK_JWT_PRIVATE_KEY: PRIVATE_PEM };
    expect(processKeys(config, true).privateKey).toBeDefined();
    expect(processKeys(config, false).privateKey).toBeUndefined();
  });

  it('accepts base64 of the PEM, as `npm run keys` prints it', () => {
    const keys = processKeys({ SHELFMARK_JWT_PUBLIC_KEY: Buffer.from(PUBLIC_PEM).toString('base64') }, false);
    expect(keys.publicKey.asymmetricKeyType).toBe('ed25519');
  });

  it('refuses a members process without the private key', () => {
    expect(() => processKeys({ SHELFMARK_JWT_PUBLIC_KEY: PUBLIC_PEM }, true)).toThrow(
      /SHELFMARK_JWT_PRIVATE_KEY/,
    );
  });
});
