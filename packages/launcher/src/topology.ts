import { analyticsSubgraph } from '@shelfmark/analytics';
import { catalogueSubgraph } from '@shelfmark/catalogue';
import { commentsSubgraph } from '@shelfmark/comments';
import { inventorySubgraph } from '@shelfmark/inventory';
import { loansSubgraph, type LoansSettings } from '@shelfmark/loans';
import { membersSubgraph, type MembersSettings } from '@shelfmark/members';
import type { SubgraphName } from '@shelfmark/schema';
import type { SubgraphContext, SubgraphDefinition } from '@shelfmark/subgraph-kit';

/** What the subgraphs are configured with at run time (validated by env.ts). */
export interface TopologySettings {
  readonly members: MembersSettings;
  /** Circulation rules and timeouts; every value has a default. */
  readonly loans?: LoansSettings;
}

/**
 * The six bounded contexts of Shelfmark, each a federated subgraph, built with the settings they
 * run with. Which subgraphs there are (and their default ports) is the supergraph's, in
 * `@shelfmark/schema`; the launcher only wires them.
 */
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
