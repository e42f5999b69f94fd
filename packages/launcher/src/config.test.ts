import { resolve } from 'node:path';
import { loadConfig } from './config';

describe('embedded configuration', () => {
  it('has working defaults for `npm start` with nothing set', () => {
    expect(loadConfig({})).toEqual({
      production: false,
      port: 4000,
      host: undefined,
      dataDir: resolve('./.data'),
      admin: undefined,
      initialPoints: 30,
      tokenTtlSeconds: 43_200,
      logLevel: 'info',
    });
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '127.0.0.1',
      SHELFMARK_DATA_DIR: '/var/lib/shelfmark',
      SHELFMARK_ADMIN_EMAIL: 'admin@example.org',
      SHELFMARK_ADMIN_PASSWORD: 'secret secret',
      SHELFMARK_INITIAL_POINTS: '50',
      SHELFMARK_TOKEN_TTL_SECONDS: '3600',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      production: true,
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/shelfmark',
      admin: { email: 'admin@example.org', password: 'secret secret' },
      initialPoints: 50,
      tokenTtlSeconds: 3600,
      logLevel: 'warn',
    });
  });

  it('fails at start-up with a message naming every bad variable', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        SHELFMARK_ADMIN_EMAIL: 'not-an-email',
        SHELFMARK_ADMIN_PASSWORD: 'x',
        LOG_LEVEL: 'loud',
      });
    expect(attempt).toThrow(/Invalid configuration/);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/SHELFMARK_ADMIN_EMAIL must be an e-mail address/);
    expect(attempt).toThrow(/LOG_LEVEL/);
  });

  it('refuses an admin e-mail without a password', () => {
    expect(() => loadConfig({ SHELFMARK_ADMIN_EMAIL: 'admin@example.org' })).toThrow(
      /both SHELFMARK_ADMIN_EMAIL and SHELFMARK_ADMIN_PASSWORD/,
    );
  });
});
