import { readFileSync } from 'node:fs';
import { composeSupergraph, schemaFiles } from '../src';

/**
 * The committed supergraph is what production routers run: it must be exactly what the
 * subgraphs compose to today. On failure, run `npm run compose` and commit the result.
 */
describe('the committed supergraph', () => {
  let composed: Awaited<ReturnType<typeof composeSupergraph>>;
  beforeAll(async () => {
    composed = await composeSupergraph();
  });

  it.each(['catalogue', 'inventory', 'members', 'loans', 'comments', 'analytics'])(
    'has the current SDL of the %s subgraph',
    (name) => {
      expect(readFileSync(schemaFiles.subgraph(name), 'utf8')).toBe(`${composed.subgraphs[name]!.trim()}\n`);
    },
  );

  it('is what the six subgraphs compose to', () => {
    expect(readFileSync(schemaFiles.supergraph, 'utf8')).toBe(composed.supergraph);
    expect(readFileSync(schemaFiles.api, 'utf8')).toBe(composed.api);
  });

  it('exposes the public API names of docs/design.md §6', () => {
    for (const name of [
      'book(',
      'books(',
      'me:',
      'registerMember(',
      'login(',
      'addBook(',
      'addCopies(',
      'ranking(',
    ]) {
      expect(composed.api).toContain(name);
    }
    // Arguments print in declared order (the kit undoes SWC's reversed parameter decorators).
    expect(composed.api).toContain(
      'books(search: String, subject: String, first: Int = 20, after: String): BookConnection!',
    );
  });
});
