import { parseSettings, wholeAtLeast, wholeNumber } from '@shelfmark/subgraph-kit';
import { z } from 'zod';
import type { BorrowStepProbe } from './application/borrow-books/BookBorrower';
import { DEFAULT_RULES, RULE_MINIMUMS, type CirculationRules } from './domain';

/** The circulation rules, each with the domain's default and least workable value (docs/design.md §2). */
export const circulationRulesSchema = z.object({
  loanPeriodDays: wholeNumber(RULE_MINIMUMS.loanPeriodDays, DEFAULT_RULES.loanPeriodDays),
  maxActiveLoans: wholeNumber(RULE_MINIMUMS.maxActiveLoans, DEFAULT_RULES.maxActiveLoans),
  maxRenewals: wholeNumber(RULE_MINIMUMS.maxRenewals, DEFAULT_RULES.maxRenewals),
  holdCostPoints: wholeNumber(RULE_MINIMUMS.holdCostPoints, DEFAULT_RULES.holdCostPoints),
  pickupWindowDays: wholeNumber(RULE_MINIMUMS.pickupWindowDays, DEFAULT_RULES.pickupWindowDays),
  dueSoonDays: wholeNumber(RULE_MINIMUMS.dueSoonDays, DEFAULT_RULES.dueSoonDays),
}) satisfies z.ZodType<CirculationRules, Partial<CirculationRules>>;

/**
 * How this library runs its loans context: the one place each setting's default and bound are
 * declared. The launcher reads the SHELFMARK_* variables through these same fields (its env.ts),
 * so a value is validated by one schema whether it comes from the environment or from code.
 */
export const loansSettingsFields = z.object({
  rules: circulationRulesSchema.prefault({}),
  /** How long a synchronous call to inventory or members may take, in ms. */
  peerTimeoutMs: wholeNumber(50, 2000),
  /**
   * How long a borrow or hold placement may stay unfinished before recovery takes it for dead.
   * Must exceed any live request: at least {@link minimumSagaTimeoutMs} of `peerTimeoutMs`, which
   * is also the default (5 s with the default peer timeout).
   */
  sagaTimeoutMs: wholeAtLeast(1).optional(),
  /**
   * True when this process is the only one that runs borrow and hold sagas against this database
   * (the embedded topology): whatever is unfinished when it starts died with the previous process,
   * so recovery settles it at once instead of waiting for the saga timeout. Default false (the
   * cluster shapes, where another loans process may be serving those requests right now).
   */
  inFlightDiesWithProcess: z.boolean().default(false),
  /** Fault injection for crash drills: called after each durable step of the borrow saga. */
  borrowProbe: z.custom<BorrowStepProbe>((value) => typeof value === 'function').optional(),
});

/** Time a live saga needs besides its peer calls (its own writes, retried on conflicts). */
const SAGA_MARGIN_MS = 1000;

/**
 * The shortest saga timeout that no live request can outlast: a borrow makes one call to
 * inventory and a hold placement one to members, each bounded by `peerTimeoutMs` (its circuit
 * breaker allows a little more); the saga's own writes, retried on conflicts, take the rest, and on
 * a loaded machine they can take as long as the call. Hence twice the peer timeout plus a margin.
 */
export function minimumSagaTimeoutMs(peerTimeoutMs: number): number {
  return 2 * peerTimeoutMs + SAGA_MARGIN_MS;
}

const loansSettingsSchema = loansSettingsFields.transform((settings, ctx) => {
  const minimum = minimumSagaTimeoutMs(settings.peerTimeoutMs);
  const sagaTimeoutMs = settings.sagaTimeoutMs ?? minimum;
  if (sagaTimeoutMs < minimum) {
    ctx.addIssue({
      code: 'custom',
      path: ['sagaTimeoutMs'],
      input: sagaTimeoutMs,
      message: `must be at least twice peerTimeoutMs plus ${SAGA_MARGIN_MS} ms (${minimum})`,
    });
    return z.NEVER;
  }
  return { ...settings, sagaTimeoutMs };
});

/** The settings as given: every one has a default. */
export type LoansSettings = z.input<typeof loansSettingsSchema>;
export type ResolvedLoansSettings = z.output<typeof loansSettingsSchema>;

/** Checks the settings once, up front: bad configuration stops start-up with what was expected. */
export function resolveLoansSettings(settings: LoansSettings = {}): ResolvedLoansSettings {
  return parseSettings('loans settings', loansSettingsSchema, settings);
}
