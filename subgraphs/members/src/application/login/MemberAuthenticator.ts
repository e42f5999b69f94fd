import { EmailAddress, WrongCredentials, type MemberRepository, type PasswordHasher } from '../../domain';
import type { Session, TokenIssuer } from '../Session';

/** Signs a member in with e-mail and password. */
export class MemberAuthenticator {
  constructor(
    private readonly members: MemberRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
  ) {}

  async login(email: string, password: string): Promise<Session> {
    const member = await this.members.byEmail(EmailAddress.normalise(email));
    // Always one full verification, against the decoy when there is no such account: an unknown
    // e-mail must neither answer differently nor faster than a wrong password.
    const matches = await this.hasher.verify(member?.passwordHash ?? this.hasher.decoy, password);
    if (!member || !matches) throw new WrongCredentials();
    return { token: await this.tokens.issue(member), member };
  }
}
