import type { PeerClient } from '@shelfmark/subgraph-kit';
import type { PointsAccount, SpendForHold } from '../../application/ports';

const SPEND = /* GraphQL */ `
  mutation SpendPointsForHold($holdId: ID!, $points: Int!, $deadline: DateTime!) {
    spendPointsForHold(holdId: $holdId, points: $points, deadline: $deadline)
  }
`;

/** Members' internal `spendPointsForHold`, called directly on the members subgraph. */
export class MembersPointsAccount implements PointsAccount {
  constructor(private readonly members: PeerClient) {}

  async spendForHold(request: SpendForHold): Promise<number> {
    const data = await this.members.request<{ spendPointsForHold: number }>({
      query: SPEND,
      variables: {
        holdId: request.holdId,
        points: request.points,
        deadline: request.deadline.toISOString(),
      },
      authorization: request.authorization,
    });
    return data.spendPointsForHold;
  }
}
