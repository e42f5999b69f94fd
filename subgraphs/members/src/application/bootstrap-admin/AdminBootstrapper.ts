import { randomUUID } from 'node:crypto';
import {
  EmailTaken,
  Member,
  MemberName,
  type EmailAddress,
  type MemberRepository,
  type Password,
  type PasswordHasher,
} from '../../domain';

/** The administrator account configured for this library (validated by the settings). */
export interface AdminAccount {
  readonly email: EmailAddress;
  readonly password: Password;
}

export const ADMIN_NAME = 'Administrator';
/** The name of a librarian account created at start-up (the demo library's). */
export const LIBRARIAN_NAME = 'Librarian';

/** The staff roles an account created at start-up may have. */
export type BootstrapRole = 'ADMIN' | 'LIBRARIAN';

export interface AdminBootstrapperOptions {
  readonly initialPoints: number;
  readonly clock?: () => Date;
}

/**
 * Makes sure a configured staff account exists: the admin, or a librarian (the demo library's).
 * It only ever creates: an account that already has the e-mail is left exactly as it is (its
 * password, role and points are its own business now).
 */
export class AdminBootstrapper {
  constructor(
    private readonly members: MemberRepository,
    private readonly hasher: PasswordHasher,
    private readonly options: AdminBootstrapperOptions,
  ) {}

  async ensure(account: AdminAccount, role: BootstrapRole = 'ADMIN'): Promise<'created' | 'exists'> {
    if (await this.members.byEmail(account.email)) return 'exists';
    const member = Member.register(
      randomUUID(),
      {
        email: account.email,
        name: MemberName.parse(role === 'ADMIN' ? ADMIN_NAME : LIBRARIAN_NAME),
        passwordHash: await this.hasher.hash(account.password),
        role,
        initialPoints: this.options.initialPoints,
      },
      (this.options.clock ?? (() => new Date()))(),
    );
    try {
      await this.members.add(member);
    } catch (error) {
      // Another replica starting at the same moment created it first.
      if (error instanceof EmailTaken) return 'exists';
      throw error;
    }
    return 'created';
  }
}
