import { DriverException } from '@mikro-orm/core';
import pino from 'pino';

/**
 * Where secrets and personal data sit in the objects Shelfmark logs: credentials, tokens, password
 * hashes and e-mail addresses, at the top level and one or two levels down (pino's redaction paths
 * match one segment per `*`). Redacted values print as `[Redacted]`.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.headers.authorization',
  ...['authorization', 'token', 'password', 'passwordHash', 'email'].flatMap((key) => [
    key,
    `*.${key}`,
    `*.*.${key}`,
  ]),
];

/** Text that is personal or secret wherever it turns up, matched by shape. */
const SECRET_SHAPES: readonly [RegExp, string][] = [
  [/\$argon2(?:id|i|d)\$[^\s'"`;)]*/gi, '[password hash]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[token]'],
  [/Bearer\s+\S+/gi, 'Bearer [token]'],
  [/[^\s@'"`(),;:<>[\]{}=]+@[^\s@'"`(),;:<>[\]{}=]+\.[a-z]{2,}/gi, '[e-mail]'],
];

/** `text` with every password hash, token and e-mail address it contains replaced by a marker. */
export function scrub(text: string): string {
  return SECRET_SHAPES.reduce((clean, [shape, marker]) => clean.replace(shape, marker), text);
}

/**
 * What may be logged of an error. A database driver's error carries the failed statement with its
 * values (an INSERT with a member's e-mail and password hash; MongoDB's `dup key: { email: … }`
 * and `keyValue`): it is logged with its type, codes and the driver's reason only. Any other
 * error keeps its message and stack, scrubbed of secrets by shape.
 */
export function loggableError(error: unknown): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  // A driver error may arrive wrapped (a GraphQLError's originalError, an Error's cause).
  const driver = driverErrorIn(original);
  const logged = driver ?? original;
  const safe = new Error(scrub(driver ? driverReason(driver) : original.message));
  safe.name = logged.name;
  const frames = (logged.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at '));
  safe.stack = [`${safe.name}: ${safe.message}`, ...frames].join('\n');
  if (driver) {
    Object.assign(safe, {
      ...(driver.code !== undefined ? { code: driver.code } : {}),
      ...(driver.errno !== undefined ? { errno: driver.errno } : {}),
      ...(driver.sqlState !== undefined ? { sqlState: driver.sqlState } : {}),
    });
  }
  return safe;
}

function driverErrorIn(error: unknown, depth = 0): DriverException | undefined {
  if (error instanceof DriverException) return error;
  if (depth > 4 || !(error instanceof Error)) return undefined;
  const inner = (error as { originalError?: unknown }).originalError ?? error.cause;
  return driverErrorIn(inner, depth + 1);
}

/** The driver's own words, without the statement before them or the values after them. */
function driverReason(error: DriverException): string {
  // knex-style drivers: "<statement with values> - <reason>"; MongoDB: "E11000 … dup key: { … }".
  const reason = error.message.includes(' - ')
    ? error.message.slice(error.message.lastIndexOf(' - ') + 3)
    : error.message;
  return reason.replace(/\s*dup key:.*$/s, '');
}

/**
 * `value` with every string in it scrubbed, however deep (an event's data in an array of events
 * is deeper than redaction paths reach). Errors are left to the `err` serializer.
 */
function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 8 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, depth + 1)]));
}

/** pino options that keep secrets and personal data out of every line. */
export function redactingOptions(): Pick<
  pino.LoggerOptions,
  'redact' | 'serializers' | 'hooks' | 'formatters'
> {
  return {
    redact: { paths: [...REDACTED_PATHS] },
    formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
    serializers: { err: (error: unknown) => pino.stdSerializers.err(loggableError(error)) },
    hooks: {
      // The message text itself (and any interpolated values) is scrubbed by shape too.
      logMethod(args, method) {
        const clean = args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<
          typeof method
        >;
        method.apply(this, clean);
      },
    },
  };
}
