import { analyticsSubgraph } from '@shelfmark/analytics';
import { catalogueSubgraph } from '@shelfmark/catalogue';
import { commentsSubgraph } from '@shelfmark/comments';
import { inventorySubgraph } from '@shelfmark/inventory';
import { loansSubgraph, type LoansSettings } from '@shelfmark/loans';
import { membersSubgraph, type MembersSettings } from '@shelfmark/members';
import type { SubgraphContext, SubgraphDefinition } from '@shelfmark/subgraph-kit';

export const SUBGRAPH_NAMES = [
  'catalogue',
  'inventory',
  'members',
  'loans',
  'comments',
  'analytics',
] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Where each subgraph listens when it runs as its own process (and in the committed supergraph). */
export const DEFAULT_SUBGRAPH_PORTS: Readonly<Record<SubgraphName, number>> = {
  catalogue: 4001,
  inventory: 4002,
  members: 4003,
  loans: 4004,
  comments: 4005,
  analytics: 4006,
};

export interface TopologySettings {
  readonly members: MembersSettings;
  /** Circulation rules and timeouts; every value has a default. */
  readonly loans?: LoansSettings;
}

/** The six bounded contexts of Shelfmark, each a federated subgraph. */
export function subgraphDefinitions(
  settings: TopologySettings,
): Record<SubgraphName, SubgraphDefinition<SubgraphContext>> {
  return {
    catalogue: catalogueSubgraph(),
    inventory: inventorySubgraph(),
    members: membersSubgraph(settings.members),
    loans: loansSubgraph(settings.loans),
    comments: commentsSubgraph(),
    analytics: analyticsSubgraph(),
  };
}
