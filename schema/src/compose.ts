import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES, subgraphSchemas } from './subgraphs';

export interface ComposedSupergraph {
  /** Each subgraph's printed SDL, by name. */
  readonly subgraphs: Readonly<Record<string, string>>;
  /** The supergraph the router runs (with join directives and default URLs). */
  readonly supergraph: string;
  /** The client-facing schema: what the playground, codegen and docs see. */
  readonly api: string;
}

/** Where the composed files are committed. */
export const SCHEMA_DIR = join(__dirname, '..');
export const schemaFiles = {
  supergraph: join(SCHEMA_DIR, 'supergraph.graphql'),
  api: join(SCHEMA_DIR, 'api.graphql'),
  subgraph: (name: string) => join(SCHEMA_DIR, 'subgraphs', `${name}.graphql`),
};

/**
 * Composes the supergraph from the six subgraphs' schemas, built in-process (no server, no
 * database). Fails with every composition error when the subgraphs do not fit together.
 */
export async function composeSupergraph(): Promise<ComposedSupergraph> {
  const subgraphs: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) subgraphs[name] = printSubgraphSchema(await subgraphSchemas[name]());

  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `http://localhost:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`,
      typeDefs: parse(subgraphs[name]!),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return {
    subgraphs,
    supergraph: `${result.supergraphSdl.trim()}\n`,
    api: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trim()}\n`,
  };
}

/** The committed supergraph, as the router loads it. */
export function readSupergraph(): string {
  return readFileSync(schemaFiles.supergraph, 'utf8');
}
