export {
  assertMayReadCirculationOf,
  NotYourCirculation,
  type Reader,
  type ReaderRole,
} from './CirculationAccess';
export { Hold, HOLD_STATUSES, HoldStatus } from './Hold';
export type { HoldRepository } from './HoldRepository';
export { Loan, LOAN_STATUSES, LoanStatus } from './Loan';
export type { LoanRepository } from './LoanRepository';
