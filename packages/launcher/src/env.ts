import { z } from 'zod';

/** Validates a process's environment once; throws one message listing every bad variable. */
export function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `- ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/** `LOG_LEVEL`, as pino names its levels. */
export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The admin bootstrap pair, read the same way by every process that passes it on to members. */
export const adminEnv = {
  SHELFMARK_ADMIN_EMAIL: z.email('SHELFMARK_ADMIN_EMAIL must be an e-mail address').optional(),
  SHELFMARK_ADMIN_PASSWORD: z.string().min(1).optional(),
};

/** What members is configured with, with the one set of defaults every topology uses. */
export const membersEnv = {
  ...adminEnv,
  SHELFMARK_INITIAL_POINTS: z.coerce.number().int().min(0).default(30),
  SHELFMARK_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(12 * 60 * 60),
};

/** Refinement: the admin e-mail and password come together or not at all. */
export const adminPair = [
  (env: { SHELFMARK_ADMIN_EMAIL?: string | undefined; SHELFMARK_ADMIN_PASSWORD?: string | undefined }) =>
    Boolean(env.SHELFMARK_ADMIN_EMAIL) === Boolean(env.SHELFMARK_ADMIN_PASSWORD),
  { message: 'Set both SHELFMARK_ADMIN_EMAIL and SHELFMARK_ADMIN_PASSWORD, or neither' },
] as const;
