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

export const membersEvents = {
  'shelfmark.members.member-registered.v1': memberRegisteredV1,
} as const;
