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

export interface AdminBootstrapperOptions {
  readonly initialPoints: number;
  readonly clock?: () => Date;
}

/**
 * Makes sure the configured admin account exists. It only ever creates: an account that already
 * has the e-mail is left exactly as it is (its password, role and points are its own business now).
 */
export class AdminBootstrapper {
  constructor(
    private readonly members: MemberRepository,
    private readonly hasher: PasswordHasher,
    private readonly options: AdminBootstrapperOptions,
  ) {}

  async ensure(admin: AdminAccount): Promise<'created' | 'exists'> {
    if (await this.members.byEmail(admin.email)) return 'exists';
    const member = Member.register(
      randomUUID(),
      {
        email: admin.email,
        name: MemberName.parse(ADMIN_NAME),
        passwordHash: await this.hasher.hash(admin.password),
        role: 'ADMIN',
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
