// Application plumbing shared by the use cases, not a use case: it stays at application/ root.
import type { Member } from '../domain';

/** What registering or signing in gives back: a bearer token and who it is for. */
export interface Session {
  readonly token: string;
  readonly member: Member;
}

/** Issues the bearer token that proves who a member is to every subgraph (a port). */
export interface TokenIssuer {
  issue(member: Member): Promise<string>;
}
