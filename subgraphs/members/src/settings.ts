import { InvalidInput } from '@shelfmark/errors';
import type { AdminAccount } from './application/bootstrap-admin/AdminBootstrapper';
import type { LoginLimits } from './adapters/security/RateLimitedLoginAttempts';
import { EmailAddress, Password } from './domain';

/** How this library runs its members context. */
export interface MembersSettings {
  /** Points every new member starts with (docs/design.md §2 default: 30). */
  readonly initialPoints: number;
  /** How long a sign-in token stays valid, in seconds. */
  readonly tokenTtlSeconds: number;
  /**
   * The administrator account to create at start-up when no account has this e-mail
   * (SHELFMARK_ADMIN_EMAIL / SHELFMARK_ADMIN_PASSWORD). An existing account is never changed.
   */
  readonly admin?: { readonly email: string; readonly password: string };
  /** How long a member card is valid, in whole years. Default 3. */
  readonly cardValidityYears?: number;
  /** Points a member earns for returning a loan by its due date; 0 turns the reward off. Default 1. */
  readonly onTimeReturnPoints?: number;
  /** Sign-in throttling (docs/adr/0012-sign-in-throttling.md); each part has a default. */
  readonly loginLimits?: Partial<LoginLimits>;
}

export const DEFAULT_CARD_VALIDITY_YEARS = 3;
export const DEFAULT_ON_TIME_RETURN_POINTS = 1;
/** 10 consecutive failures per e-mail and address, 100 per address, counted and throttled for 15 minutes. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  failuresPerAccountAndAddress: 10,
  failuresPerAddress: 100,
  windowSeconds: 15 * 60,
};

export interface ResolvedMembersSettings {
  readonly initialPoints: number;
  readonly tokenTtlSeconds: number;
  readonly cardValidityYears: number;
  readonly onTimeReturnPoints: number;
  readonly admin: AdminAccount | null;
  readonly loginLimits: LoginLimits;
}

/** Checks the settings once, up front: bad configuration stops start-up with what was expected. */
export function resolveMembersSettings(settings: MembersSettings): ResolvedMembersSettings {
  return {
    initialPoints: wholeNumber('initialPoints', settings.initialPoints, 0),
    tokenTtlSeconds: wholeNumber('tokenTtlSeconds', settings.tokenTtlSeconds, 1),
    cardValidityYears: wholeNumber(
      'cardValidityYears',
      settings.cardValidityYears ?? DEFAULT_CARD_VALIDITY_YEARS,
      1,
    ),
    onTimeReturnPoints: wholeNumber(
      'onTimeReturnPoints',
      settings.onTimeReturnPoints ?? DEFAULT_ON_TIME_RETURN_POINTS,
      0,
    ),
    admin: settings.admin ? adminAccount(settings.admin) : null,
    loginLimits: {
      failuresPerAccountAndAddress: wholeNumber(
        'loginLimits.failuresPerAccountAndAddress',
        settings.loginLimits?.failuresPerAccountAndAddress ??
          DEFAULT_LOGIN_LIMITS.failuresPerAccountAndAddress,
        1,
      ),
      failuresPerAddress: wholeNumber(
        'loginLimits.failuresPerAddress',
        settings.loginLimits?.failuresPerAddress ?? DEFAULT_LOGIN_LIMITS.failuresPerAddress,
        1,
      ),
      windowSeconds: wholeNumber(
        'loginLimits.windowSeconds',
        settings.loginLimits?.windowSeconds ?? DEFAULT_LOGIN_LIMITS.windowSeconds,
        1,
      ),
    },
  };
}

function wholeNumber(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(
      `members settings: ${name} must be a whole number of at least ${min}; got ${String(value)}.`,
    );
  }
  return value;
}

function adminAccount(admin: NonNullable<MembersSettings['admin']>): AdminAccount {
  try {
    return { email: EmailAddress.parse(admin.email), password: Password.parse(admin.password) };
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    throw new Error(`members settings: the admin ${error.field} is not acceptable. ${error.message}`);
  }
}
