import { SUBGRAPH_NAMES } from '@shelfmark/schema';
import { generateKeyPairSync } from 'node:crypto';
import { loadRouterProcessConfig } from './cluster/config';
import { loadConfig } from './config';

/** SHELFMARK_PLAYGROUND (docs/adr/0015-offline-playground.md), as each process reads it. */
describe('the playground setting', () => {
  it('is on unless production, and the variable decides when it is given', () => {
    expect(loadConfig({}).playground).toBe(true);
    expect(loadConfig({ SHELFMARK_PLAYGROUND: '' }).playground).toBe(true);
    expect(loadConfig({ SHELFMARK_PLAYGROUND: 'false' }).playground).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).playground).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SHELFMARK_PLAYGROUND: 'true' }).playground).toBe(true);
  });

  it('refuses a value that is not a boolean, naming the variable', () => {
    expect(() => loadConfig({ SHELFMARK_PLAYGROUND: 'sometimes' })).toThrow(/SHELFMARK_PLAYGROUND/);
  });

  it('reaches the router process as given, unset leaving the router its default', () => {
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
    const env = {
      KAFKA_BROKERS: 'kafka:9092',
      SHELFMARK_JWT_PUBLIC_KEY: publicKey.toString(),
      ...Object.fromEntries(
        SUBGRAPH_NAMES.map((name) => [`SHELFMARK_${name.toUpperCase()}_URL`, `http://${name}:4000/graphql`]),
      ),
    };

    expect(loadRouterProcessConfig(env).SHELFMARK_PLAYGROUND).toBeUndefined();
    expect(loadRouterProcessConfig({ ...env, SHELFMARK_PLAYGROUND: 'true' }).SHELFMARK_PLAYGROUND).toBe(true);
    expect(loadRouterProcessConfig({ ...env, SHELFMARK_PLAYGROUND: 'false' }).SHELFMARK_PLAYGROUND).toBe(
      false,
    );
  });
});
