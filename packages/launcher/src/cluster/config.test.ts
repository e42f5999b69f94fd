import { generateKeyPairSync } from 'node:crypto';
import { loadRouterProcessConfig, loadSubgraphProcessConfig } from './config';
import { defaultSubscriptionSettings } from '@shelfmark/router/settings';
import { circulationEnv, subscriptionSettings, topologySettings, variablesOf } from '../env';
import { processKeys } from './keys';
import { loadClusterConfig } from './startCluster';

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

  const valid = { ...urls, KAFKA_BROKERS: 'kafka:9092', SHELFMARK_JWT_PUBLIC_KEY: PUBLIC_PEM };

  it('collects the six subgraph URLs by name', () => {
    const config = loadRouterProcessConfig(valid);
    expect(config.subgraphUrls).toMatchObject({
      catalogue: 'http://catalogue:4001/graphql',
      analytics: 'http://analytics:4006/graphql',
    });
    expect(config.PORT).toBe(4000);
  });

  it('refuses to start without every subgraph URL', () => {
    expect(() =>
      loadRouterProcessConfig({ KAFKA_BROKERS: 'kafka:9092', SHELFMARK_JWT_PUBLIC_KEY: PUBLIC_PEM }),
    ).toThrow(/SHELFMARK_LOANS_URL/);
  });

  it('reads the Kafka brokers that feed its subscriptions, and refuses to start without them', () => {
    const config = loadRouterProcessConfig({ ...valid, KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' });
    expect(config).toMatchObject({ KAFKA_BROKERS: ['kafka-1:9092', 'kafka-2:9092'], KAFKA_PARTITIONS: 3 });
    expect(loadRouterProcessConfig({ ...valid, KAFKA_PARTITIONS: '6' }).KAFKA_PARTITIONS).toBe(6);
    expect(() => loadRouterProcessConfig({ ...valid, KAFKA_BROKERS: undefined })).toThrow(/KAFKA_BROKERS/);
    expect(() => loadRouterProcessConfig({ ...valid, KAFKA_PARTITIONS: '0' })).toThrow(/KAFKA_PARTITIONS/);
  });

  it('reads the subscription settings as the embedded process does', () => {
    expect(subscriptionSettings(loadRouterProcessConfig(valid))).toEqual(defaultSubscriptionSettings);
    const config = loadRouterProcessConfig({
      ...valid,
      SHELFMARK_SUBSCRIPTIONS_PER_CONNECTION: '5',
      SHELFMARK_RANKING_INTERVAL_MS: '1000',
    });
    expect(subscriptionSettings(config)).toMatchObject({
      maxSubscriptionsPerConnection: 5,
      rankingIntervalMs: 1000,
    });
    expect(() => loadRouterProcessConfig({ ...valid, SHELFMARK_SUBSCRIBER_BACKLOG: '0' })).toThrow(
      'SHELFMARK_SUBSCRIBER_BACKLOG: must be a whole number of at least 1',
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

describe('local cluster configuration', () => {
  const subgraph = {
    SHELFMARK_SUBGRAPH: 'loans',
    DATABASE_URL: 'mongodb://mongo:27017/shelfmark-loans',
    KAFKA_BROKERS: 'kafka:9092',
    SHELFMARK_JWT_PUBLIC_KEY: PUBLIC_PEM,
  };

  it('names its databases shelfmark-<name> unless given a prefix, which must be a plain name', () => {
    expect(loadClusterConfig({}).SHELFMARK_DATABASE_PREFIX).toBe('shelfmark');
    expect(loadClusterConfig({ SHELFMARK_DATABASE_PREFIX: 'suite-2' }).SHELFMARK_DATABASE_PREFIX).toBe(
      'suite-2',
    );
    expect(() => loadClusterConfig({ SHELFMARK_DATABASE_PREFIX: 'a/b?c' })).toThrow(
      /SHELFMARK_DATABASE_PREFIX/,
    );
  });

  it('checks the circulation rules once and hands them to its subgraph processes as given', () => {
    const config = loadClusterConfig({ SHELFMARK_MAX_ACTIVE_LOANS: '8', SHELFMARK_LOAN_PERIOD_DAYS: '21' });
    const passed = variablesOf(circulationEnv, config);
    expect(passed).toMatchObject({ SHELFMARK_MAX_ACTIVE_LOANS: '8', SHELFMARK_LOAN_PERIOD_DAYS: '21' });
    expect(passed).not.toHaveProperty('SHELFMARK_SAGA_TIMEOUT_SECONDS');
    expect(loadSubgraphProcessConfig({ ...subgraph, ...passed }).SHELFMARK_MAX_ACTIVE_LOANS).toBe(8);
    expect(() => loadClusterConfig({ SHELFMARK_MAX_ACTIVE_LOANS: 'many' })).toThrow(
      /SHELFMARK_MAX_ACTIVE_LOANS/,
    );
  });
});
