/**
 * Throttles password guessing (a port; docs/adr/0012-sign-in-throttling.md). Keys are the
 * normalised e-mail and the caller's address; only failures count, so nobody can lock a member
 * out by guessing from somewhere else.
 */
export interface LoginAttempts {
  /** Throws TooManyLoginAttempts while this e-mail from this address, or this address, is throttled. */
  check(email: string, address: string): Promise<void>;
  /** Counts a failed attempt; throws TooManyLoginAttempts when this one reached a limit. */
  failed(email: string, address: string): Promise<void>;
  /** A correct password from an address that is not throttled clears its failures for this e-mail. */
  succeeded(email: string, address: string): Promise<void>;
}
