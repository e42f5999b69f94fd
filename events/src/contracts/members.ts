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

export const membersEvents = {
  'shelfmark.members.member-registered.v1': memberRegisteredV1,
  'shelfmark.members.member-card-issued.v1': memberCardIssuedV1,
} as const;
