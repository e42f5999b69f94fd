import type { SubscriptionSettings } from '@shelfmark/router/settings';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { TopologySettings } from './topology';
import {
  adminPair,
  circulationEnv,
  logLevel,
  membersEnv,
  noCrashDrillsInProduction,
  notificationSettings,
  notificationsEnv,
  type NotificationSettings,
  parseEnv,
  routerEnv,
  sagaOutlastsPeerCalls,
  subscriptionSettings,
  topologySettings,
} from './env';

/**
 * The embedded process's configuration: every variable it reads, validated once at start-up.
 * Nothing else in the process reads `process.env`. `.env.example` documents each one.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    /** Omit to listen on every interface. */
    HOST: z.string().min(1).optional(),
    SHELFMARK_DATA_DIR: z.string().min(1).default('./.data'),
    ...membersEnv,
    ...circulationEnv,
    ...routerEnv,
    ...notificationsEnv,
    LOG_LEVEL: logLevel.default('info'),
    /**
     * Memory for the router's answer cache of the subgraphs' answers (docs/adr/0022-answer-cache.md),
     * in MiB; 0 turns it off. Embedded only: it relies on each SQLite database counting its writes
     * in this process.
     */
    SHELFMARK_ANSWER_CACHE_MB: z.coerce.number().min(0).max(4096).default(32),
    /**
     * The demo library, seeded on the first start of an empty data folder (src/demo): on unless
     * NODE_ENV=production, where it is refused (it prints its accounts' passwords).
     */
    SHELFMARK_DEMO: z.stringbool().optional(),
  })
  .refine(...adminPair)
  .refine(...sagaOutlastsPeerCalls)
  .refine(...noCrashDrillsInProduction)
  .refine((env) => !(env.NODE_ENV === 'production' && env.SHELFMARK_DEMO), {
    message: 'SHELFMARK_DEMO is refused when NODE_ENV=production: a production library never seeds demo data',
  });

export interface EmbeddedConfig {
  readonly production: boolean;
  readonly port: number;
  readonly host: string | undefined;
  readonly dataDir: string;
  readonly admin: { readonly email: string; readonly password: string } | undefined;
  readonly logLevel: z.infer<typeof logLevel>;
  /** Stack traces in error responses (SHELFMARK_STACK_TRACES); never by default. */
  readonly stackTraces: boolean;
  /** The offline playground (SHELFMARK_PLAYGROUND); on unless production. */
  readonly playground: boolean;
  /** The bounds of subscription connections (SHELFMARK_SUBSCRIPTIONS_PER_CONNECTION, …). */
  readonly subscriptions: SubscriptionSettings;
  /** How members and loans are configured (points, circulation rules). */
  readonly settings: TopologySettings;
  /** How often scheduled jobs run, in ms; 0 runs them only at start-up. */
  readonly jobIntervalMs: number;
  /** Where the notifications worker sends mail (SMTP_URL, or the mail folder) and its retry budget. */
  readonly notifications: NotificationSettings;
  /** The demo library on an empty data folder (SHELFMARK_DEMO); on unless production, never there. */
  readonly demo: boolean;
  /** Bytes for the router's answer cache; 0: off. */
  readonly answerCacheBytes: number;
}

/** Reads and validates the environment; throws one message listing everything that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv): EmbeddedConfig {
  const e = parseEnv(schema, env);
  return {
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.SHELFMARK_DATA_DIR),
    admin:
      e.SHELFMARK_ADMIN_EMAIL && e.SHELFMARK_ADMIN_PASSWORD
        ? { email: e.SHELFMARK_ADMIN_EMAIL, password: e.SHELFMARK_ADMIN_PASSWORD }
        : undefined,
    logLevel: e.LOG_LEVEL,
    stackTraces: e.SHELFMARK_STACK_TRACES,
    playground: e.SHELFMARK_PLAYGROUND ?? e.NODE_ENV !== 'production',
    subscriptions: subscriptionSettings(e),
    settings: embeddedSettings(topologySettings(e)),
    jobIntervalMs: e.SHELFMARK_JOB_INTERVAL_SECONDS * 1000,
    notifications: notificationSettings(e),
    demo: e.SHELFMARK_DEMO ?? e.NODE_ENV !== 'production',
    answerCacheBytes: Math.floor(e.SHELFMARK_ANSWER_CACHE_MB * 1024 * 1024),
  };
}

/**
 * One process runs every saga against its own SQLite files, so nothing in flight outlives it:
 * recovery settles at start-up whatever the previous process left unfinished.
 */
function embeddedSettings(settings: TopologySettings): TopologySettings {
  return { ...settings, loans: { ...settings.loans, inFlightDiesWithProcess: true } };
}
