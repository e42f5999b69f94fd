export { loansSubgraph } from './loansSubgraph';
export { Hold, HoldStatus, Loan, LoanStatus } from './domain';
