export {
  DEFAULT_MAIL_FROM,
  startNotifications,
  type MailDelivery,
  type NotificationsOptions,
  type RunningNotifications,
} from './NotificationsWorker';
export { serveProbes, type ProbeServer } from './adapters/http/probeServer';
export {
  DEFAULT_RETRY,
  messageIdFor,
  type Mail,
  type MailKind,
  type MailStatus,
  type RetryBudget,
} from './domain';
export { formatDay, formatMoment, renderMail } from './application/dispatch/templates';
