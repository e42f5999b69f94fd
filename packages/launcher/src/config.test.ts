import { resolve } from 'node:path';
import { membersSettingsSchema } from '@shelfmark/members';
import { defaultSubscriptionSettings } from '@shelfmark/router/settings';
import { loadConfig } from './config';

describe('embedded configuration', () => {
  it('has working defaults for `npm start` with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      production: false,
      port: 4000,
      host: undefined,
      dataDir: resolve('./.data'),
      admin: undefined,
      logLevel: 'info',
      stackTraces: false,
      jobIntervalMs: 10_000,
      settings: {
        members: { initialPoints: 30, tokenTtlSeconds: 43_200, onTimeReturnPoints: 1 },
        loans: {
          rules: {
            loanPeriodDays: 14,
            maxActiveLoans: 5,
            maxRenewals: 2,
            holdCostPoints: 10,
            pickupWindowDays: 3,
          },
        },
      },
    });
    expect(config.settings.loans?.borrowProbe).toBeUndefined();
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
      SHELFMARK_LOAN_PERIOD_DAYS: '21',
      SHELFMARK_MAX_ACTIVE_LOANS: '8',
      SHELFMARK_MAX_RENEWALS: '1',
      SHELFMARK_HOLD_COST_POINTS: '5',
      SHELFMARK_PICKUP_WINDOW_DAYS: '7',
      SHELFMARK_ON_TIME_RETURN_POINTS: '2',
      SHELFMARK_JOB_INTERVAL_SECONDS: '60',
      SHELFMARK_SAGA_TIMEOUT_SECONDS: '30',
      SHELFMARK_PEER_TIMEOUT_MS: '5000',
      SHELFMARK_STACK_TRACES: 'true',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      production: true,
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/shelfmark',
      admin: { email: 'admin@example.org', password: 'secret secret' },
      logLevel: 'warn',
      stackTraces: true,
      jobIntervalMs: 60_000,
      settings: {
        members: { initialPoints: 50, tokenTtlSeconds: 3600, onTimeReturnPoints: 2 },
        loans: {
          rules: {
            loanPeriodDays: 21,
            maxActiveLoans: 8,
            maxRenewals: 1,
            holdCostPoints: 5,
            pickupWindowDays: 7,
          },
          sagaTimeoutMs: 30_000,
          peerTimeoutMs: 5000,
        },
      },
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

  it('arms a crash drill only outside production', () => {
    expect(loadConfig({ SHELFMARK_CRASH_AT: 'reserved' }).settings.loans?.borrowProbe).toEqual(
      expect.any(Function),
    );
    expect(() => loadConfig({ NODE_ENV: 'production', SHELFMARK_CRASH_AT: 'reserved' })).toThrow(
      /crash drill and is refused when NODE_ENV=production/,
    );
    expect(() => loadConfig({ SHELFMARK_CRASH_AT: 'somewhere' })).toThrow(/SHELFMARK_CRASH_AT/);
  });

  it('treats a variable set to the empty string as unset, as compose passes ${VAR:-}', () => {
    const config = loadConfig({ SHELFMARK_ADMIN_EMAIL: '', SHELFMARK_ADMIN_PASSWORD: '', PORT: '' });
    expect(config).toMatchObject({ admin: undefined, port: 4000 });
  });

  it('regression: settles what a crash left in flight at start-up, not after a saga timeout (one process)', () => {
    const loans = loadConfig({}).settings.loans;
    expect(loans?.inFlightDiesWithProcess).toBe(true);
    // Unset: loans derives the shortest safe timeout from the peer timeout.
    expect(loans?.sagaTimeoutMs).toBeUndefined();
  });

  it('refuses a saga timeout that a live request could outlast', () => {
    expect(() => loadConfig({ SHELFMARK_SAGA_TIMEOUT_SECONDS: '4' })).toThrow(
      /SHELFMARK_SAGA_TIMEOUT_SECONDS must be at least twice SHELFMARK_PEER_TIMEOUT_MS plus 1 s/,
    );
    expect(
      loadConfig({ SHELFMARK_SAGA_TIMEOUT_SECONDS: '3', SHELFMARK_PEER_TIMEOUT_MS: '1000' }).settings.loans
        ?.sagaTimeoutMs,
    ).toBe(3000);
  });

  it("regression: a setting has one default and one bound, the subgraph's, from the environment too", () => {
    const members = membersSettingsSchema.parse({});
    expect(loadConfig({}).settings.members).toMatchObject({
      initialPoints: members.initialPoints,
      tokenTtlSeconds: members.tokenTtlSeconds,
      onTimeReturnPoints: members.onTimeReturnPoints,
      loginLimits: members.loginLimits,
    });
    // members accepted a 1 s token while the launcher asked for 60 (issue 8): 60 it is, everywhere.
    expect(() => loadConfig({ SHELFMARK_TOKEN_TTL_SECONDS: '59' })).toThrow(
      /SHELFMARK_TOKEN_TTL_SECONDS: must be a whole number of at least 60/,
    );
    expect(() => membersSettingsSchema.parse({ tokenTtlSeconds: 59 })).toThrow(/at least 60/);
  });

  it('writes mail into the data directory unless SMTP_URL is set, and refuses a URL that is not SMTP', () => {
    expect(loadConfig({}).notifications).toEqual({
      smtpUrl: undefined,
      from: 'Shelfmark <library@shelfmark.local>',
      retry: { maxAttempts: 8, firstDelayMs: 1_000, maxDelayMs: 300_000 },
    });
    const smtp = loadConfig({
      SMTP_URL: 'smtp://mailpit:1025',
      SHELFMARK_MAIL_FROM: 'Town Library <desk@library.example>',
      SHELFMARK_MAIL_MAX_ATTEMPTS: '3',
    }).notifications;
    expect(smtp).toMatchObject({
      smtpUrl: 'smtp://mailpit:1025',
      from: 'Town Library <desk@library.example>',
    });
    expect(smtp.retry.maxAttempts).toBe(3);
    expect(() => loadConfig({ SMTP_URL: 'http://mailpit:8025' })).toThrow(/SMTP_URL must be an smtp:\/\//);
    expect(() => loadConfig({ SHELFMARK_MAIL_FROM: 'library' })).toThrow(
      /SHELFMARK_MAIL_FROM must be an address/,
    );
    expect(() => loadConfig({ SHELFMARK_MAIL_MAX_ATTEMPTS: '0' })).toThrow(/SHELFMARK_MAIL_MAX_ATTEMPTS/);
  });

  it('bounds subscriptions by the router’s defaults unless told otherwise', () => {
    expect(loadConfig({}).subscriptions).toEqual(defaultSubscriptionSettings);
    expect(
      loadConfig({
        SHELFMARK_SUBSCRIPTIONS_PER_CONNECTION: '5',
        SHELFMARK_CONNECTIONS_PER_ADDRESS: '10',
        SHELFMARK_CONNECTION_INIT_TIMEOUT_MS: '3000',
        SHELFMARK_WS_PING_INTERVAL_MS: '30000',
        SHELFMARK_SUBSCRIBER_BUFFER_BYTES: '65536',
        SHELFMARK_SUBSCRIBER_BACKLOG: '20',
        SHELFMARK_RANKING_INTERVAL_MS: '1000',
      }).subscriptions,
    ).toEqual({
      maxSubscriptionsPerConnection: 5,
      maxConnectionsPerAddress: 10,
      connectionInitTimeoutMs: 3000,
      keepAliveMs: 30_000,
      maxBufferedBytes: 65_536,
      maxBacklog: 20,
      rankingIntervalMs: 1000,
    });
  });

  it('refuses a subscription bound that is not a positive whole number, naming the variable', () => {
    expect(() => loadConfig({ SHELFMARK_SUBSCRIPTIONS_PER_CONNECTION: '0' })).toThrow(
      '- SHELFMARK_SUBSCRIPTIONS_PER_CONNECTION: must be a whole number of at least 1',
    );
    expect(() => loadConfig({ SHELFMARK_WS_PING_INTERVAL_MS: 'often' })).toThrow(
      '- SHELFMARK_WS_PING_INTERVAL_MS: must be a whole number of at least 1',
    );
    expect(() => loadConfig({ SHELFMARK_RANKING_INTERVAL_MS: '2.5' })).toThrow(
      '- SHELFMARK_RANKING_INTERVAL_MS: must be a whole number of at least 1',
    );
    // Every bad one is named at once.
    const twoBad = () =>
      loadConfig({ SHELFMARK_SUBSCRIBER_BACKLOG: '-1', SHELFMARK_SUBSCRIBER_BUFFER_BYTES: 'lots' });
    expect(twoBad).toThrow('- SHELFMARK_SUBSCRIBER_BACKLOG: must be a whole number of at least 1');
    expect(twoBad).toThrow('- SHELFMARK_SUBSCRIBER_BUFFER_BYTES: must be a whole number of at least 1');
  });

  it('refuses an admin e-mail without a password', () => {
    expect(() => loadConfig({ SHELFMARK_ADMIN_EMAIL: 'admin@example.org' })).toThrow(
      /both SHELFMARK_ADMIN_EMAIL and SHELFMARK_ADMIN_PASSWORD/,
    );
  });
});
