import { InvalidInput } from '@shelfmark/errors';
import { parseSettings, wholeNumber } from '@shelfmark/subgraph-kit';
import { z } from 'zod';
import type { AdminAccount } from './application/bootstrap-admin/AdminBootstrapper';
import type { LoginLimits } from './adapters/security/RateLimitedLoginAttempts';
import { EmailAddress, Password } from './domain';

/**
 * Sign-in throttling (docs/adr/0012-sign-in-throttling.md): 10 consecutive failures per e-mail and
 * address, 100 per address, counted and throttled for 15 minutes.
 */
export const loginLimitsSchema = z.object({
  failuresPerAccountAndAddress: wholeNumber(1, 10),
  failuresPerAddress: wholeNumber(1, 100),
  windowSeconds: wholeNumber(1, 15 * 60),
}) satisfies z.ZodType<LoginLimits, Partial<LoginLimits>>;

/** An account created at start-up when no account has its e-mail; checked like a registration. */
function startUpAccount() {
  return z
    .object({ email: z.string(), password: z.string() })
    .optional()
    .transform((account, ctx): AdminAccount | null => {
      if (!account) return null;
      try {
        return { email: EmailAddress.parse(account.email), password: Password.parse(account.password) };
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        ctx.addIssue({ code: 'custom', message: `${error.field} is not acceptable. ${error.message}` });
        return z.NEVER;
      }
    });
}

/**
 * How this library runs its members context: the one place each setting's default and bound are
 * declared. The launcher reads the SHELFMARK_* variables through these same fields (its env.ts),
 * so a value is validated by one schema whether it comes from the environment or from code.
 */
export const membersSettingsSchema = z.object({
  /** Points every new member starts with (docs/design.md §2). */
  initialPoints: wholeNumber(0, 30),
  /** How long a sign-in token stays valid, in seconds; at least a minute, 12 hours by default. */
  tokenTtlSeconds: wholeNumber(60, 12 * 60 * 60),
  /** How long a member card is valid, in whole years. */
  cardValidityYears: wholeNumber(1, 3),
  /** Points a member earns for returning a loan by its due date; 0 turns the reward off. */
  onTimeReturnPoints: wholeNumber(0, 1),
  /**
   * The administrator account to create at start-up when no account has this e-mail
   * (SHELFMARK_ADMIN_EMAIL / SHELFMARK_ADMIN_PASSWORD). An existing account is never changed.
   */
  admin: startUpAccount(),
  /**
   * A LIBRARIAN account to create at start-up the same way: the demo library's (`npm start` on an
   * empty data folder, packages/launcher/src/demo). An existing account is never changed.
   */
  librarian: startUpAccount(),
  loginLimits: loginLimitsSchema.prefault({}),
});

/** The settings as given: every one has a default. */
export type MembersSettings = z.input<typeof membersSettingsSchema>;
export type ResolvedMembersSettings = z.output<typeof membersSettingsSchema>;

/** Checks the settings once, up front: bad configuration stops start-up with what was expected. */
export function resolveMembersSettings(settings: MembersSettings = {}): ResolvedMembersSettings {
  return parseSettings('members settings', membersSettingsSchema, settings);
}
