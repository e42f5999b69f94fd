import { z } from 'zod';

/**
 * A whole number of at least `min`. The message names the bound and reads after either name a
 * setting has: the settings field (`initialPoints must be …`) or the variable that sets it
 * (`SHELFMARK_INITIAL_POINTS: must be …`).
 */
export function wholeAtLeast(min: number) {
  const error = `must be a whole number of at least ${min}`;
  return z.number({ error }).int({ error }).min(min, { error });
}

/**
 * A whole-number setting with its bound and its default: declared once, in the settings module of
 * the context it configures; the launcher reads its variable through this same schema.
 */
export function wholeNumber(min: number, fallback: number) {
  return wholeAtLeast(min).default(fallback);
}

/**
 * A context's settings, validated and completed with their defaults. Bad configuration stops
 * start-up with every problem named, e.g. `members settings: tokenTtlSeconds must be a whole
 * number of at least 60; got 0.`
 */
export function parseSettings<S extends z.ZodType>(label: string, schema: S, given: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(given, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    // Only numbers are echoed: other inputs may carry secrets (the admin password).
    const got = typeof issue.input === 'number' ? `; got ${issue.input}` : '';
    return `${issue.path.join('.')} ${issue.message}${got}`;
  });
  throw new Error(`${label}: ${problems.join('; ')}.`);
}
