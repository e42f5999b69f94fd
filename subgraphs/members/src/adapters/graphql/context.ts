import type { Identity, Loader, SubgraphContext } from '@shelfmark/subgraph-kit';
import type { MemberBlocker } from '../../application/block-member/MemberBlocker';
import type { MemberFinder } from '../../application/find-members/MemberFinder';
import type { PointsGranter } from '../../application/grant-points/PointsGranter';
import type { MemberAuthenticator } from '../../application/login/MemberAuthenticator';
import type { MemberRegistrar } from '../../application/register/MemberRegistrar';
import type { HoldPointsSpender } from '../../application/spend-points/HoldPointsSpender';
import type { Member } from '../../domain';

/**
 * Who is asking, for this request. Starts as the token's identity; registerMember and login make
 * the new session's member the viewer, so the member in their AuthPayload may show its own e-mail.
 */
export class RequestViewer {
  constructor(private current: Identity | null) {}

  get identity(): Identity | null {
    return this.current;
  }

  signedInAs(identity: Identity): void {
    this.current = identity;
  }
}

export interface MembersContext extends SubgraphContext {
  readonly registerMember: MemberRegistrar;
  readonly authenticator: MemberAuthenticator;
  readonly grantPoints: PointsGranter;
  readonly blocker: MemberBlocker;
  /** The desk's member lookup (staff only). */
  readonly findMembers: MemberFinder;
  /** Internal: loans pays for a hold with the signed-in member's points. */
  readonly spendHoldPoints: HoldPointsSpender;
  readonly viewer: RequestViewer;
  /** Batches `me` and entity references into one query per request. */
  readonly memberById: Loader<string, Member | null>;
}
