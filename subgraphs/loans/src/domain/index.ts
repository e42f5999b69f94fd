export {
  assertMayReadCirculationOf,
  NotYourCirculation,
  type Reader,
  type ReaderRole,
} from './CirculationAccess';
export { addDays, DEFAULT_RULES, RULE_MINIMUMS, type CirculationRules } from './CirculationRules';
export * from './errors';
export { readBarcode, readCardNumber } from './DeskInput';
export {
  Borrower,
  BorrowerStatus,
  type BorrowingStanding,
  type CannotBorrowReason,
  type PendingBorrow,
} from './Borrower';
export type { BorrowerRepository } from './BorrowerRepository';
export {
  BORROW_STATUSES,
  BorrowGivenUp,
  BorrowRequest,
  BorrowStatus,
  type ReservedCopy,
} from './BorrowRequest';
export type { BorrowRequestRepository } from './BorrowRequestRepository';
export { Hold, HOLD_STATUSES, HoldStatus, type NewHold } from './Hold';
export type { HoldRepository } from './HoldRepository';
export { KnownBook } from './KnownBook';
export type { KnownBookRepository } from './KnownBookRepository';
export { Loan, LOAN_STATUSES, LoanStatus, type NewLoan, type NextHold } from './Loan';
export type { HistoryCursor, LoanPage, LoanRepository } from './LoanRepository';
