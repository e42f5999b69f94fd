import { EmailAddress, WrongCredentials, type MemberRepository, type PasswordHasher } from '../../domain';
import type { Session, TokenIssuer } from '../Session';
import type { LoginAttempts } from './LoginAttempts';

/** Lets every attempt through: for unit tests of the sign-in itself. */
export const UNTHROTTLED: LoginAttempts = {
  check: () => Promise.resolve(),
  failed: () => Promise.resolve(),
  succeeded: () => Promise.resolve(),
};

/** Signs a member in with e-mail and password; password guessing is throttled (`attempts`). */
export class MemberAuthenticator {
  constructor(
    private readonly members: MemberRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
    private readonly attempts: LoginAttempts = UNTHROTTLED,
  ) {}

  /** `address` is the caller's (the client's address as the router saw it). */
  async login(email: string, password: string, address = 'unknown'): Promise<Session> {
    const normalised = EmailAddress.normalise(email);
    // Before any hashing: a throttled caller costs no Argon2 work and learns nothing new.
    await this.attempts.check(normalised, address);
    const member = await this.members.byEmail(normalised);
    // Always one full verification, against the decoy when there is no such account: an unknown
    // e-mail must neither answer differently nor faster than a wrong password.
    const matches = await this.hasher.verify(member?.passwordHash ?? this.hasher.decoy, password);
    if (!member || !matches) {
      // Unknown e-mails count too, so guessing which addresses have accounts is throttled alike.
      await this.attempts.failed(normalised, address);
      throw new WrongCredentials();
    }
    await this.attempts.succeeded(normalised, address);
    return { token: await this.tokens.issue(member), member };
  }
}
