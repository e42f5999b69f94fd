import { randomUUID } from 'node:crypto';
import {
  EmailAddress,
  EmailTaken,
  Member,
  MemberName,
  Password,
  type MemberRepository,
  type PasswordHasher,
} from '../../domain';
import type { Session, TokenIssuer } from '../Session';

export interface Registration {
  readonly email: string;
  readonly password: string;
  readonly name: string;
}

export interface RegistrarOptions {
  readonly initialPoints: number;
  readonly clock?: () => Date;
  readonly newId?: () => string;
}

/** Someone joins the library: a MEMBER account, its welcome points, and a session. */
export class MemberRegistrar {
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly members: MemberRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
    private readonly options: RegistrarOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  async register(input: Registration): Promise<Session> {
    // Everything is validated before the (deliberately slow) hash is computed.
    const email = EmailAddress.parse(input.email);
    const password = Password.parse(input.password);
    const name = MemberName.parse(input.name);
    if (await this.members.byEmail(email)) throw new EmailTaken();
    const member = Member.register(
      this.newId(),
      {
        email,
        name,
        passwordHash: await this.hasher.hash(password),
        role: 'MEMBER',
        initialPoints: this.options.initialPoints,
      },
      this.clock(),
    );
    // The unique index settles two registrations of one address racing past the check above.
    await this.members.add(member);
    return { token: await this.tokens.issue(member), member };
  }
}
