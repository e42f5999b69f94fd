import {
  BORROW_STEPS,
  circulationRulesSchema,
  loansSettingsFields,
  minimumSagaTimeoutMs,
  type BorrowStep,
} from '@shelfmark/loans';
import { loginLimitsSchema, membersSettingsSchema } from '@shelfmark/members';
import { wholeAtLeast, wholeNumber } from '@shelfmark/subgraph-kit';
import { DEFAULT_MAIL_FROM, DEFAULT_RETRY, type RetryBudget } from '@shelfmark/notifications';
import { defaultSubscriptionSettings, type SubscriptionSettings } from '@shelfmark/router/settings';
import type { TopologySettings } from './topology';
import { z } from 'zod';

/**
 * Validates a process's environment once; throws one message listing every bad variable.
 * A variable set to the empty string counts as unset (compose's `${VAR:-}` passes exactly that).
 */
export function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `- ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/**
 * A context's setting read from its variable. The bound, the default and the message are the
 * context's own (its settings module declares each once, as a zod field); the launcher only turns
 * the variable's text into a number first. Composed this way, rather than the launcher importing
 * bare defaults, there is one rule per setting: a value from the environment and one given in code
 * (tests, the schema build) are checked alike, and a bad variable is named among all the others.
 */
function fromEnv<S extends z.ZodType>(setting: S) {
  return z.preprocess((value) => (typeof value === 'string' ? Number(value) : value), setting);
}

const members = membersSettingsSchema.shape;
const loginLimits = loginLimitsSchema.shape;
const rules = circulationRulesSchema.shape;
const loans = loansSettingsFields.shape;

/** `LOG_LEVEL`, as pino names its levels. */
export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** A subscription bound: a whole number of at least 1, its default the router's own. */
const bound = (fallback: number) => fromEnv(wholeAtLeast(1).default(fallback));
const subscriptionDefaults = defaultSubscriptionSettings;

/**
 * The bounds of subscription connections (router/src/subscriptions/settings.ts,
 * docs/operations.md#subscriptions); each defaults to the router's {@link defaultSubscriptionSettings}.
 */
export const subscriptionsEnv = {
  /** Subscriptions one WebSocket may hold; one more is refused with SUBSCRIPTION_LIMIT_EXCEEDED. */
  SHELFMARK_SUBSCRIPTIONS_PER_CONNECTION: bound(subscriptionDefaults.maxSubscriptionsPerConnection),
  /** Open WebSockets and SSE streams per client address; one more is closed with 4029 (SSE: 429). */
  SHELFMARK_CONNECTIONS_PER_ADDRESS: bound(subscriptionDefaults.maxConnectionsPerAddress),
  /** How long a WebSocket may stay open without `connection_init` before it is closed with 4408. */
  SHELFMARK_CONNECTION_INIT_TIMEOUT_MS: bound(subscriptionDefaults.connectionInitTimeoutMs),
  /** Interval of WebSocket pings; a client that misses a pong for as long is dropped. */
  SHELFMARK_WS_PING_INTERVAL_MS: bound(subscriptionDefaults.keepAliveMs),
  /** Bytes a subscriber's connection may hold unsent before it is closed as a slow consumer (4413). */
  SHELFMARK_SUBSCRIBER_BUFFER_BYTES: bound(subscriptionDefaults.maxBufferedBytes),
  /** Payloads a subscriber may leave unread before it is closed as a slow consumer (4413). */
  SHELFMARK_SUBSCRIBER_BACKLOG: bound(subscriptionDefaults.maxBacklog),
  /** Least time between two pushes of one rankingChanged subscription. */
  SHELFMARK_RANKING_INTERVAL_MS: bound(subscriptionDefaults.rankingIntervalMs),
};

/** What the router is configured with, read the same way by the embedded and the router process. */
export const routerEnv = {
  /**
   * Stack traces in error responses: for debugging only, off unless asked for (they show the
   * code's insides); they always reach the log.
   */
  SHELFMARK_STACK_TRACES: z.stringbool().default(false),
  /**
   * The offline playground (GraphiQL at /playground and, for a browser, /graphql): on unless
   * NODE_ENV=production; `true` turns it on in production too, `false` off anywhere.
   */
  SHELFMARK_PLAYGROUND: z.stringbool().optional(),
  ...subscriptionsEnv,
};

/** The router's subscription settings, from the validated environment (every process that runs it). */
export function subscriptionSettings(
  env: z.infer<z.ZodObject<typeof subscriptionsEnv>>,
): SubscriptionSettings {
  return {
    maxSubscriptionsPerConnection: env.SHELFMARK_SUBSCRIPTIONS_PER_CONNECTION,
    maxConnectionsPerAddress: env.SHELFMARK_CONNECTIONS_PER_ADDRESS,
    connectionInitTimeoutMs: env.SHELFMARK_CONNECTION_INIT_TIMEOUT_MS,
    keepAliveMs: env.SHELFMARK_WS_PING_INTERVAL_MS,
    maxBufferedBytes: env.SHELFMARK_SUBSCRIBER_BUFFER_BYTES,
    maxBacklog: env.SHELFMARK_SUBSCRIBER_BACKLOG,
    rankingIntervalMs: env.SHELFMARK_RANKING_INTERVAL_MS,
  };
}

/**
 * The subscription settings as variables again, for a launcher that starts router processes
 * (`start:cluster`): each router reads them as one started by hand would.
 */
export function subscriptionVariables(
  env: z.infer<z.ZodObject<typeof subscriptionsEnv>>,
): Record<keyof typeof subscriptionsEnv, string> {
  return variablesOf(subscriptionsEnv, env) as Record<keyof typeof subscriptionsEnv, string>;
}

/**
 * The variables of `shape` as a child process is given them, from the validated environment: a
 * launcher that validated them once passes the same settings on (unset optional ones stay unset).
 */
export function variablesOf<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: Partial<Record<keyof Shape, unknown>>,
): Partial<Record<keyof Shape, string>> {
  return Object.fromEntries(
    Object.keys(shape)
      .filter((name) => env[name] !== undefined)
      .map((name) => [name, String(env[name])]),
  ) as Partial<Record<keyof Shape, string>>;
}

/**
 * The notifications worker (docs/operations.md#notifications), read the same way by every process
 * that runs it. Without SMTP_URL, mails are `.eml` files under `$SHELFMARK_DATA_DIR/mail/`.
 */
export const notificationsEnv = {
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://localhost:1025')
    .optional(),
  SHELFMARK_MAIL_FROM: z
    .string()
    .regex(/@[^\s>]+>?$/, 'SHELFMARK_MAIL_FROM must be an address, e.g. Library <library@example.org>')
    .default(DEFAULT_MAIL_FROM),
  /** Failed sends after which a mail is DEAD (logged, counted, kept); the wait doubles after each. */
  SHELFMARK_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(DEFAULT_RETRY.maxAttempts),
};

/** How the notifications worker is configured, from the validated environment. */
export interface NotificationSettings {
  readonly smtpUrl: string | undefined;
  readonly from: string;
  readonly retry: RetryBudget;
}

export function notificationSettings(
  env: z.infer<z.ZodObject<typeof notificationsEnv>>,
): NotificationSettings {
  return {
    smtpUrl: env.SMTP_URL,
    from: env.SHELFMARK_MAIL_FROM,
    retry: { ...DEFAULT_RETRY, maxAttempts: env.SHELFMARK_MAIL_MAX_ATTEMPTS },
  };
}

/** The admin bootstrap pair, read the same way by every process that passes it on to members. */
export const adminEnv = {
  SHELFMARK_ADMIN_EMAIL: z.email('SHELFMARK_ADMIN_EMAIL must be an e-mail address').optional(),
  SHELFMARK_ADMIN_PASSWORD: z.string().min(1).optional(),
};

/** What members is configured with, with the one set of defaults every topology uses. */
export const membersEnv = {
  ...adminEnv,
  SHELFMARK_INITIAL_POINTS: fromEnv(members.initialPoints),
  SHELFMARK_TOKEN_TTL_SECONDS: fromEnv(members.tokenTtlSeconds),
  /** Sign-in throttling (docs/adr/0012-sign-in-throttling.md). */
  SHELFMARK_LOGIN_FAILURES_PER_ACCOUNT: fromEnv(loginLimits.failuresPerAccountAndAddress),
  SHELFMARK_LOGIN_FAILURES_PER_ADDRESS: fromEnv(loginLimits.failuresPerAddress),
  SHELFMARK_LOGIN_WINDOW_SECONDS: fromEnv(loginLimits.windowSeconds),
};

/** Refinement: the admin e-mail and password come together or not at all. */
export const adminPair = [
  (env: { SHELFMARK_ADMIN_EMAIL?: string | undefined; SHELFMARK_ADMIN_PASSWORD?: string | undefined }) =>
    Boolean(env.SHELFMARK_ADMIN_EMAIL) === Boolean(env.SHELFMARK_ADMIN_PASSWORD),
  { message: 'Set both SHELFMARK_ADMIN_EMAIL and SHELFMARK_ADMIN_PASSWORD, or neither' },
] as const;

/** The circulation rules (docs/design.md §2) and scheduled jobs, with the defaults every topology uses. */
export const circulationEnv = {
  SHELFMARK_LOAN_PERIOD_DAYS: fromEnv(rules.loanPeriodDays),
  SHELFMARK_MAX_ACTIVE_LOANS: fromEnv(rules.maxActiveLoans),
  SHELFMARK_MAX_RENEWALS: fromEnv(rules.maxRenewals),
  SHELFMARK_HOLD_COST_POINTS: fromEnv(rules.holdCostPoints),
  SHELFMARK_PICKUP_WINDOW_DAYS: fromEnv(rules.pickupWindowDays),
  SHELFMARK_ON_TIME_RETURN_POINTS: fromEnv(members.onTimeReturnPoints),
  /**
   * How long an interrupted borrow or hold placement waits before recovery finishes or compensates
   * it (cluster shapes; embedded settles them at start-up). Unset: derived from the peer timeout,
   * as short as no live request can outlast (twice it plus 1 s: 5 s by default); never shorter.
   */
  SHELFMARK_SAGA_TIMEOUT_SECONDS: z.coerce.number().int().min(1).optional(),
  /** How long loans waits for inventory (reserve copies) or members (hold points) to answer. */
  SHELFMARK_PEER_TIMEOUT_MS: fromEnv(loans.peerTimeoutMs),
  /**
   * How often overdue detection, hold expiry and saga recovery run; 0 turns the timer off. The
   * only default of the job interval: startSubgraph takes it as given.
   */
  SHELFMARK_JOB_INTERVAL_SECONDS: fromEnv(wholeNumber(0, 10)),
  /**
   * Crash drills only: the process kills itself (SIGKILL) when a borrowBooks saga reaches this
   * step. Refused when NODE_ENV=production.
   */
  SHELFMARK_CRASH_AT: z.enum(BORROW_STEPS).optional(),
};

/** Refinement: a saga timeout set by hand still outlasts any live request. */
export const sagaOutlastsPeerCalls = [
  (env: { SHELFMARK_SAGA_TIMEOUT_SECONDS?: number | undefined; SHELFMARK_PEER_TIMEOUT_MS: number }) =>
    env.SHELFMARK_SAGA_TIMEOUT_SECONDS === undefined ||
    env.SHELFMARK_SAGA_TIMEOUT_SECONDS * 1000 >= minimumSagaTimeoutMs(env.SHELFMARK_PEER_TIMEOUT_MS),
  {
    message:
      'SHELFMARK_SAGA_TIMEOUT_SECONDS must be at least twice SHELFMARK_PEER_TIMEOUT_MS plus 1 s, or unset to derive it',
  },
] as const;

/** Refinement: fault injection never runs in production. */
export const noCrashDrillsInProduction = [
  (env: { NODE_ENV?: string; SHELFMARK_CRASH_AT?: string | undefined }) =>
    !(env.NODE_ENV === 'production' && env.SHELFMARK_CRASH_AT),
  { message: 'SHELFMARK_CRASH_AT is a crash drill and is refused when NODE_ENV=production' },
] as const;

type TopologyEnv = z.infer<z.ZodObject<typeof membersEnv & typeof circulationEnv>>;

/** What the members and loans contexts are configured with, from the validated environment. */
export function topologySettings(env: TopologyEnv): TopologySettings {
  const crashAt = env.SHELFMARK_CRASH_AT;
  return {
    members: {
      initialPoints: env.SHELFMARK_INITIAL_POINTS,
      tokenTtlSeconds: env.SHELFMARK_TOKEN_TTL_SECONDS,
      onTimeReturnPoints: env.SHELFMARK_ON_TIME_RETURN_POINTS,
      loginLimits: {
        failuresPerAccountAndAddress: env.SHELFMARK_LOGIN_FAILURES_PER_ACCOUNT,
        failuresPerAddress: env.SHELFMARK_LOGIN_FAILURES_PER_ADDRESS,
        windowSeconds: env.SHELFMARK_LOGIN_WINDOW_SECONDS,
      },
      ...(env.SHELFMARK_ADMIN_EMAIL && env.SHELFMARK_ADMIN_PASSWORD
        ? { admin: { email: env.SHELFMARK_ADMIN_EMAIL, password: env.SHELFMARK_ADMIN_PASSWORD } }
        : {}),
    },
    loans: {
      rules: {
        loanPeriodDays: env.SHELFMARK_LOAN_PERIOD_DAYS,
        maxActiveLoans: env.SHELFMARK_MAX_ACTIVE_LOANS,
        maxRenewals: env.SHELFMARK_MAX_RENEWALS,
        holdCostPoints: env.SHELFMARK_HOLD_COST_POINTS,
        pickupWindowDays: env.SHELFMARK_PICKUP_WINDOW_DAYS,
      },
      ...(env.SHELFMARK_SAGA_TIMEOUT_SECONDS === undefined
        ? {}
        : { sagaTimeoutMs: env.SHELFMARK_SAGA_TIMEOUT_SECONDS * 1000 }),
      peerTimeoutMs: env.SHELFMARK_PEER_TIMEOUT_MS,
      ...(crashAt ? { borrowProbe: crashDrill(crashAt) } : {}),
    },
  };
}

/** A probe that kills the process, as a power cut would, when the saga reaches `at`. */
function crashDrill(at: BorrowStep) {
  return (step: BorrowStep) => {
    if (step !== at) return;
    process.stderr.write(`crash drill: killing the process at borrow step "${step}"\n`);
    process.kill(process.pid, 'SIGKILL');
  };
}
