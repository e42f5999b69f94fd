import type { Password } from './Password';

/** One-way password hashing (a port: the domain does not care which algorithm). */
export interface PasswordHasher {
  hash(password: Password): Promise<string>;
  /** Whether `password` is the one `hash` was made from. Never throws for a malformed hash. */
  verify(hash: string, password: string): Promise<boolean>;
  /**
   * A hash of nobody's password, made with the same cost as real ones. Verifying against it when
   * there is no account takes as long as a real check, so timing does not reveal which e-mails exist.
   */
  readonly decoy: string;
}
