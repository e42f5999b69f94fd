import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { buildSchema, createResolversMap, type NonEmptyArray, type PubSub } from 'type-graphql';
import { authChecker } from './authChecker';

/** The federation directives Shelfmark's subgraphs use; imported explicitly by `@link`. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])';

export interface FederatedSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly resolvers: NonEmptyArray<Function>;
  /** Types no resolver returns directly but the schema must contain (e.g. entity stubs). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly orphanedTypes?: Function[];
  /** `__resolveReference` per entity type this subgraph can resolve by key. */
  readonly referenceResolvers?: GraphQLResolverMap<unknown>;
}

/**
 * type-graphql resolvers → a federated subgraph schema (the TG federation-2 recipe):
 * build without the check (federation directives are unknown to plain graphql-js), print with
 * the directives, let `@apollo/subgraph` add `_entities`/`_service`, then attach the resolvers.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  orderArgumentsAsDeclared();
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    authChecker,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false,
    skipCheck: true,
    pubSub: noPubSub,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  // Reference resolvers must go through buildSubgraphSchema: it stores them where the `_entities`
  // resolver looks (type extensions), which graphql-tools' addResolversToSchema does not.
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [type, fields] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[type] = { ...(resolvers[type] as object), ...fields } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}

/**
 * A subgraph declares its `Subscription` fields only so that they are composed into the
 * supergraph; the router serves them (docs/adr/0013-federated-subscriptions.md). type-graphql
 * wants a PubSub as soon as a resolver declares one, so it gets one that refuses.
 */
const noPubSub: PubSub = {
  publish: () => undefined,
  subscribe: () => {
    throw new Error('Subscriptions are served by the router, not by a subgraph.');
  },
};

/**
 * SWC applies a method's parameter decorators last-first and type-graphql keeps the order it
 * collected them in, so `books(search, subject, first, after)` would print as
 * `books(after, first, subject, search)`. Sorting by parameter index (a stable sort, so methods
 * keep their grouping) restores the declared order before the schema is built.
 */
function orderArgumentsAsDeclared(): void {
  const storage = (globalThis as { TypeGraphQLMetadataStorage?: { params: { index: number }[] } })
    .TypeGraphQLMetadataStorage;
  storage?.params.sort((a, b) => a.index - b.index);
}
