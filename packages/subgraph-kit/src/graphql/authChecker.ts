import { NotAllowed, NotSignedIn } from '@shelfmark/errors';
import type { AuthCheckerFn } from 'type-graphql';
import { hasRole, ROLES, type Role } from '../auth/Identity';
import type { SubgraphContext } from './context';

/**
 * `@Authorized()` needs a signed-in caller; `@Authorized('LIBRARIAN')` needs that role or a higher
 * one. Refusals are domain errors, so they reach the client as UNAUTHENTICATED / FORBIDDEN.
 */
export const authChecker: AuthCheckerFn<SubgraphContext> = ({ context }, roles) => {
  const identity = context.identity;
  if (!identity) throw new NotSignedIn();
  const required = roles as Role[];
  if (required.length === 0) return true;
  if (required.some((role) => !ROLES.includes(role)))
    throw new Error(`Unknown role in @Authorized: ${required.join()}`);
  if (!required.some((role) => hasRole(identity.role, role))) {
    throw new NotAllowed(`Only ${required.map((r) => r.toLowerCase()).join(' or ')}s may do this.`);
  }
  return true;
};
