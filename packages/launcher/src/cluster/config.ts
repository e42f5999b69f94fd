import { resolve } from 'node:path';
import { z } from 'zod';
import { SUBGRAPH_NAMES } from '@shelfmark/schema';
import {
  adminPair,
  circulationEnv,
  logLevel,
  membersEnv,
  noCrashDrillsInProduction,
  notificationsEnv,
  parseEnv,
  routerEnv,
  sagaOutlastsPeerCalls,
} from '../env';

const port = z.coerce.number().int().min(0).max(65_535);
const list = z
  .string()
  .min(1)
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** Keys: PEM in the environment (production), or the key pair kept in a shared directory (local cluster). */
const keys = {
  SHELFMARK_JWT_PUBLIC_KEY: z.string().min(1).optional(),
  SHELFMARK_JWT_PRIVATE_KEY: z.string().min(1).optional(),
  SHELFMARK_KEYS_DIR: z.string().min(1).optional(),
};

const subgraphSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    SHELFMARK_SUBGRAPH: z.enum(SUBGRAPH_NAMES),
    PORT: port.optional(),
    HOST: z.string().min(1).default('0.0.0.0'),
    /** `mongodb://host:27017/<db>` in production; `sqlite:<path>` also works. */
    DATABASE_URL: z.string().min(1),
    KAFKA_BROKERS: list,
    KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(3),
    ...membersEnv,
    ...circulationEnv,
    LOG_LEVEL: logLevel.default('info'),
    ...keys,
    // Where the other subgraphs listen: loans calls inventory and members directly.
    ...Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [`SHELFMARK_${name.toUpperCase()}_URL`, z.url().optional()]),
    ),
  })
  .refine(...adminPair)
  .refine(...sagaOutlastsPeerCalls)
  .refine(...noCrashDrillsInProduction)
  .refine((env) => Boolean(env.SHELFMARK_JWT_PUBLIC_KEY) || Boolean(env.SHELFMARK_KEYS_DIR), {
    message:
      'Give the token key: SHELFMARK_JWT_PUBLIC_KEY (and _PRIVATE_KEY for members) or SHELFMARK_KEYS_DIR',
  });

const routerSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: port.default(4000),
    HOST: z.string().min(1).optional(),
    /** Subscriptions are fed from Kafka: each router process is its own consumer group. */
    KAFKA_BROKERS: list,
    KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(3),
    LOG_LEVEL: logLevel.default('info'),
    ...routerEnv,
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`SHELFMARK_${name.toUpperCase()}_URL`, z.url()])),
    ...keys,
  })
  .refine((env) => Boolean(env.SHELFMARK_JWT_PUBLIC_KEY) || Boolean(env.SHELFMARK_KEYS_DIR), {
    message: 'Give the token key: SHELFMARK_JWT_PUBLIC_KEY or SHELFMARK_KEYS_DIR',
  });

const notificationsSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** `/healthz`, `/readyz` and `/metrics` (the worker serves no GraphQL). */
  PORT: port.default(4007),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** The worker's own database: `mongodb://host:27017/<db>` in production; `sqlite:<path>` also works. */
  DATABASE_URL: z.string().min(1),
  KAFKA_BROKERS: list,
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(3),
  ...notificationsEnv,
  /** Without SMTP_URL, each mail is an .eml file in this folder. */
  SHELFMARK_MAIL_DIR: z.string().min(1).default('./.data/mail'),
  LOG_LEVEL: logLevel.default('info'),
});

export type SubgraphProcessConfig = z.infer<typeof subgraphSchema>;
export type NotificationsProcessConfig = z.infer<typeof notificationsSchema>;
export type RouterProcessConfig = z.infer<typeof routerSchema> & {
  readonly subgraphUrls: Record<string, string>;
};

/** One subgraph as its own process (compose, Kubernetes, `npm run start:cluster`). */
export function loadSubgraphProcessConfig(env: NodeJS.ProcessEnv): SubgraphProcessConfig {
  const config = parseEnv(subgraphSchema, env);
  return config.SHELFMARK_KEYS_DIR
    ? { ...config, SHELFMARK_KEYS_DIR: resolve(config.SHELFMARK_KEYS_DIR) }
    : config;
}

/** The notifications worker as its own process. */
export function loadNotificationsProcessConfig(env: NodeJS.ProcessEnv): NotificationsProcessConfig {
  const config = parseEnv(notificationsSchema, env);
  return { ...config, SHELFMARK_MAIL_DIR: resolve(config.SHELFMARK_MAIL_DIR) };
}

/** The router as its own process. */
export function loadRouterProcessConfig(env: NodeJS.ProcessEnv): RouterProcessConfig {
  const config = parseEnv<z.infer<typeof routerSchema>>(routerSchema, env);
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      name,
      String((config as Record<string, unknown>)[`SHELFMARK_${name.toUpperCase()}_URL`]),
    ]),
  );
  return { ...config, subgraphUrls };
}
