import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { composeSupergraph, schemaFiles } from './compose';

/** `npm run compose`: writes schema/subgraphs/*.graphql, schema/supergraph.graphql, schema/api.graphql. */
async function main() {
  const composed = await composeSupergraph();
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
    console.log(`wrote ${path}`);
  };
  for (const [name, sdl] of Object.entries(composed.subgraphs)) write(schemaFiles.subgraph(name), sdl);
  write(schemaFiles.supergraph, composed.supergraph);
  write(schemaFiles.api, composed.api);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
