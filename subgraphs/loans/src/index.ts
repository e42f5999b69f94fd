export { loansSubgraph } from './loansSubgraph';
export { BORROW_STEPS, type BorrowStep, type BorrowStepProbe } from './application/borrow-books/BookBorrower';
export { DEFAULT_RULES, type CirculationRules } from './domain';
export {
  circulationRulesSchema,
  loansSettingsFields,
  minimumSagaTimeoutMs,
  type LoansSettings,
} from './settings';
