import { z } from 'zod';

export const memberRole = z.enum(['MEMBER', 'LIBRARIAN', 'ADMIN']);

/** Someone joined the library (or the admin account was bootstrapped). */
export const memberRegisteredV1 = z.object({
  memberId: z.string().min(1),
  email: z.email(),
  name: z.string().min(1),
  role: memberRole,
  points: z.number().int().nonnegative(),
});

/** Members issued a library card to a member (asynchronously, after registration). */
export const memberCardIssuedV1 = z.object({
  memberId: z.string().min(1),
  number: z.string().min(1),
  issuedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
});

/** A librarian blocked a member: they may not borrow or place holds until unblocked. */
export const memberBlockedV1 = z.object({
  memberId: z.string().min(1),
  reason: z.string().min(1),
  blockedBy: z.string().min(1),
});

/** A librarian lifted a member's block. */
export const memberUnblockedV1 = z.object({
  memberId: z.string().min(1),
  unblockedBy: z.string().min(1),
});

/**
 * A member's points balance changed: a librarian's grant, a hold paid or refunded, an on-time
 * return rewarded. `ref` names what caused it (a hold or loan id) when there is one.
 */
export const pointsChangedV1 = z.object({
  memberId: z.string().min(1),
  delta: z.number().int(),
  balance: z.number().int().nonnegative(),
  reason: z.string().min(1),
  ref: z.string().min(1).nullable(),
});

export const membersEvents = {
  'shelfmark.members.member-registered.v1': memberRegisteredV1,
  'shelfmark.members.member-card-issued.v1': memberCardIssuedV1,
  'shelfmark.members.member-blocked.v1': memberBlockedV1,
  'shelfmark.members.member-unblocked.v1': memberUnblockedV1,
  'shelfmark.members.points-changed.v1': pointsChangedV1,
} as const;
