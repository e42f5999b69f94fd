/** Roles from least to most privileged; each includes what the ones before it may do. */
export const ROLES = ['MEMBER', 'LIBRARIAN', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by a token the members subgraph issued. */
export interface Identity {
  readonly memberId: string;
  readonly role: Role;
}

/** Whether `role` may do what `required` may do (ADMIN ⊇ LIBRARIAN ⊇ MEMBER). */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
