import { buildFederatedSchema, type SubgraphDefinition } from '@shelfmark/subgraph-kit';
import { CopyAdder } from './application/add-copies/CopyAdder';
import { registerBookOnBookAdded } from './adapters/events/RegisterBookOnBookAdded';
import { BookReference } from './adapters/graphql/book.reference';
import { BookInventoryResolver } from './adapters/graphql/book.resolver';
import {
  availabilityLoader,
  copiesByBookLoader,
  copyLoader,
  type InventoryContext,
} from './adapters/graphql/context';
import { CopyResolver } from './adapters/graphql/copy.resolver';
import { CatalogueBookSchema } from './adapters/persistence/catalogue-book.schema';
import { CopySchema } from './adapters/persistence/copy.schema';
import { MikroOrmCatalogueBookRepository } from './adapters/persistence/MikroOrmCatalogueBookRepository';
import { MikroOrmCopyRepository } from './adapters/persistence/MikroOrmCopyRepository';

/** The inventory context: the physical copies of each book, and which of them can be borrowed. */
export function inventorySubgraph(): SubgraphDefinition<InventoryContext> {
  return {
    name: 'inventory',
    entities: [CopySchema, CatalogueBookSchema],
    aggregates: [CopySchema],
    schema: () =>
      buildFederatedSchema({
        resolvers: [CopyResolver, BookInventoryResolver],
        orphanedTypes: [BookReference],
        referenceResolvers: {
          Copy: {
            // Batched: every Copy representation of a request is loaded by one query.
            __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.copyById.load(ref.id),
          },
          Book: {
            // Any book id is a valid reference: one inventory never heard of has no copies.
            __resolveReference: (ref: { id: string }): BookReference => ({ id: ref.id }),
          },
        },
      }),
    context(base) {
      const copies = new MikroOrmCopyRepository(base.em);
      const books = new MikroOrmCatalogueBookRepository(base.em);
      return {
        ...base,
        addCopies: new CopyAdder(copies, books),
        copies,
        copyById: copyLoader(copies),
        copiesByBook: copiesByBookLoader(copies),
        availabilityByBook: availabilityLoader(copies),
      };
    },
    consumers: ({ orm, logger }) => [registerBookOnBookAdded(orm, logger)],
  };
}
