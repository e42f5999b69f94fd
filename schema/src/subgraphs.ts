import { analyticsSubgraph } from '@shelfmark/analytics';
import { catalogueSubgraph } from '@shelfmark/catalogue';
import { commentsSubgraph } from '@shelfmark/comments';
import { inventorySubgraph } from '@shelfmark/inventory';
import { loansSubgraph } from '@shelfmark/loans';
import { membersSubgraph } from '@shelfmark/members';
import type { GraphQLSchema } from 'graphql';

/** The subgraphs the supergraph is composed of, in composition order; the launcher runs these. */
export const SUBGRAPH_NAMES = [
  'catalogue',
  'inventory',
  'members',
  'loans',
  'comments',
  'analytics',
] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/**
 * The ports written into the committed supergraph's routing URLs; a subgraph running as its own
 * process listens there unless told otherwise.
 */
export const DEFAULT_SUBGRAPH_PORTS: Readonly<Record<SubgraphName, number>> = {
  catalogue: 4001,
  inventory: 4002,
  members: 4003,
  loans: 4004,
  comments: 4005,
  analytics: 4006,
};

/**
 * Each subgraph's federated schema, built without a database. Settings change no schema, so the
 * factories get their defaults; the launcher builds the subgraphs it runs with real settings.
 */
export const subgraphSchemas: Readonly<Record<SubgraphName, () => Promise<GraphQLSchema>>> = {
  catalogue: () => catalogueSubgraph().schema(),
  inventory: () => inventorySubgraph().schema(),
  members: () => membersSubgraph().schema(),
  loans: () => loansSubgraph().schema(),
  comments: () => commentsSubgraph().schema(),
  analytics: () => analyticsSubgraph().schema(),
};
