export { ErrorCode } from './ErrorCode';
export {
  AlreadyExists,
  ConcurrentChange,
  DomainError,
  InvalidInput,
  MemberUnknown,
  NotAllowed,
  NotFound,
  NotSignedIn,
  ServiceUnavailable,
  TooManyRequests,
} from './DomainError';
