import { issueToken, type TokenKeys } from '@shelfmark/subgraph-kit';
import type { TokenIssuer } from '../../application/Session';
import type { Member } from '../../domain';

/** Signs the EdDSA JWT that the router and every subgraph verify (subgraph-kit's tokens). */
export class JwtTokenIssuer implements TokenIssuer {
  constructor(
    private readonly keys: TokenKeys,
    private readonly ttlSeconds: number,
  ) {}

  issue(member: Member): Promise<string> {
    return issueToken({ memberId: member.id, role: member.role }, this.keys, this.ttlSeconds);
  }
}
