const DAY_MS = 24 * 60 * 60 * 1000;

/** The circulation rules of one library (docs/design.md §2); every number is configurable. */
export interface CirculationRules {
  /** How long a loan lasts, and how far a renewal pushes the due date. */
  readonly loanPeriodDays: number;
  /** Loans a member may have out at once (ACTIVE or OVERDUE). */
  readonly maxActiveLoans: number;
  /** How many times one loan may be renewed. */
  readonly maxRenewals: number;
  /** Points a hold costs, taken when it is placed and refunded when cancelled or expired. */
  readonly holdCostPoints: number;
  /** How long a copy waits on the hold shelf for its member. */
  readonly pickupWindowDays: number;
  /** How long before the due date the member is reminded. */
  readonly dueSoonDays: number;
}

export const DEFAULT_RULES: CirculationRules = {
  loanPeriodDays: 14,
  maxActiveLoans: 5,
  maxRenewals: 2,
  holdCostPoints: 10,
  pickupWindowDays: 3,
  dueSoonDays: 2,
};

/** The least value of each rule the library can run with. */
export const RULE_MINIMUMS: CirculationRules = {
  loanPeriodDays: 1,
  maxActiveLoans: 1,
  maxRenewals: 0,
  holdCostPoints: 0,
  pickupWindowDays: 1,
  dueSoonDays: 0,
};

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}
