import { serveParent, type ToParent } from './processes';
import { composeSupergraph, serveSubgraph, subgraphs } from './subgraphs';

/** The four Guild-shaped subgraphs in one process, off the gateways' and the load generator's. */
async function main() {
  const served = await Promise.all(
    subgraphs.map(async (definition) => ({ definition, ...(await serveSubgraph(definition)) })),
  );
  const urls = Object.fromEntries(served.map(({ definition, url }) => [definition.name, url]));
  serveParent(async () => {
    await Promise.all(
      served.map(
        ({ server }) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  });
  process.send?.({ kind: 'subgraphs', urls, supergraphSdl: composeSupergraph(urls) } satisfies ToParent);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
