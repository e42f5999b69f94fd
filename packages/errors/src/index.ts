export { ErrorCode } from './ErrorCode';
export {
  AlreadyExists,
  ConcurrentChange,
  DomainError,
  InvalidInput,
  NotAllowed,
  NotFound,
  NotSignedIn,
  ServiceUnavailable,
} from './DomainError';
