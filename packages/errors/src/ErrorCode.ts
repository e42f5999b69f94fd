/**
 * The stable `extensions.code` values of Shelfmark's public API (docs/design.md §6).
 * Clients branch on these; never rename one. Every code added here is documented in docs/errors.md.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  NO_COPY_AVAILABLE: 'NO_COPY_AVAILABLE',
  LOAN_LIMIT_REACHED: 'LOAN_LIMIT_REACHED',
  RENEWAL_LIMIT_REACHED: 'RENEWAL_LIMIT_REACHED',
  HOLD_QUEUE_NOT_EMPTY: 'HOLD_QUEUE_NOT_EMPTY',
  INSUFFICIENT_POINTS: 'INSUFFICIENT_POINTS',
  MEMBER_BLOCKED: 'MEMBER_BLOCKED',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A concurrent change won the race; the request changed nothing and may be retried. */
  CONFLICT: 'CONFLICT',
  /** The operation passes the router's depth, cost or alias limit; `extensions.limit` says which. */
  OPERATION_LIMIT_EXCEEDED: 'OPERATION_LIMIT_EXCEEDED',
  /** Too many attempts (e.g. wrong passwords); `extensions.retryAfterSeconds` says when to retry. */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  /** A WebSocket already holds as many subscriptions as one may; `extensions.max` says how many. */
  SUBSCRIPTION_LIMIT_EXCEEDED: 'SUBSCRIPTION_LIMIT_EXCEEDED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
