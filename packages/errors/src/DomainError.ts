import type { ErrorCode } from './ErrorCode';

/**
 * Base of every error a domain throws on purpose: a broken rule, bad input, a missing thing.
 * The message is written for a person; `code` is the stable API code the GraphQL adapter exposes.
 * Anything that is not a DomainError is unexpected and is masked as INTERNAL_SERVER_ERROR.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    /** Machine-readable detail safe to show to the client (e.g. the offending field). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that no request could make valid: a malformed ISBN, a count out of range. */
export class InvalidInput extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, { field });
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND' as const;

  constructor(entity: string, id: string) {
    super(`${entity} ${JSON.stringify(id)} does not exist.`, { entity, id });
  }
}

export class AlreadyExists extends DomainError {
  readonly code = 'ALREADY_EXISTS' as const;
}

export class NotSignedIn extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;

  constructor(message = 'You must be signed in to do this.') {
    super(message);
  }
}

/**
 * A valid token for a member the acting context does not know: the account was closed, or the
 * token names an id members never registered. Nothing is done for such a token but reads
 * (docs/adr/0010-who-may-act.md); `extensions.reason` tells it apart from a missing token.
 */
export class MemberUnknown extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;

  constructor() {
    super('Your account no longer exists, or is not known yet. Please sign in again.', {
      reason: 'MEMBER_UNKNOWN',
    });
  }
}

/**
 * Too many attempts from this caller; `retryAfterSeconds` says when to try again. The HTTP
 * `Retry-After` header and status 429 go with it where the transport can carry them.
 */
export class TooManyRequests extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS' as const;

  constructor(message: string, retryAfterSeconds: number) {
    super(message, { retryAfterSeconds });
  }
}

export class NotAllowed extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}

export class ConcurrentChange extends DomainError {
  readonly code = 'CONFLICT' as const;

  constructor(
    message = 'Someone else changed this at the same moment; nothing was changed. Please try again.',
  ) {
    super(message);
  }
}

export class ServiceUnavailable extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;

  constructor(message = 'This part of the library is not answering right now. Please try again shortly.') {
    super(message);
  }
}
