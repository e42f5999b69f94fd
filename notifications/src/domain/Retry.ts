/** How a mail that could not be sent is tried again (docs/operations.md#notifications). */
export interface RetryBudget {
  /** Failed sends after which the mail is DEAD. */
  readonly maxAttempts: number;
  /** The wait after the first failure; each further failure doubles it, up to `maxDelayMs`. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryBudget = { maxAttempts: 8, firstDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

/** What becomes of a mail whose send failed for the `attempts`-th time. */
export type AfterFailure = { readonly dead: true } | { readonly dead: false; readonly retryAt: Date };

export function afterFailure(attempts: number, now: Date, budget: RetryBudget): AfterFailure {
  if (attempts >= budget.maxAttempts) return { dead: true };
  const delay = Math.min(budget.maxDelayMs, budget.firstDelayMs * 2 ** (attempts - 1));
  return { dead: false, retryAt: new Date(now.getTime() + delay) };
}
