export { Mail, MAIL_STATUSES, messageIdFor, type MailDecision, type MailKind, type MailStatus } from './Mail';
export type { MailStore } from './MailStore';
export { BookTitle, Recipient, type Directory } from './ReadModel';
export { afterFailure, DEFAULT_RETRY, type AfterFailure, type RetryBudget } from './Retry';
export type { MailTransport, OutgoingMail } from './Transport';
