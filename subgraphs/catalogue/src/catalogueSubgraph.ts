import { buildFederatedSchema, byId, type SubgraphDefinition } from '@shelfmark/subgraph-kit';
import { BookAdder } from './application/add-book/BookAdder';
import { BookFinder } from './application/find-books/BookFinder';
import { BookResolver } from './adapters/graphql/book.resolver';
import type { CatalogueContext } from './adapters/graphql/context';
import { BookSchema } from './adapters/persistence/book.schema';
import { MikroOrmBookRepository } from './adapters/persistence/MikroOrmBookRepository';

/** The catalogue context: which books the library has, and what they are. */
export function catalogueSubgraph(): SubgraphDefinition<CatalogueContext> {
  return {
    name: 'catalogue',
    entities: [BookSchema],
    aggregates: [BookSchema],
    // Answers that depend on its own data alone: the router may keep them until it writes (ADR 22).
    cacheableAnswers: { rootFields: ['book', 'books'], entityTypes: ['Book'] },
    schema: () =>
      buildFederatedSchema({
        resolvers: [BookResolver],
        referenceResolvers: {
          Book: {
            __resolveReference: (ref: { id: string }, ctx: CatalogueContext) => ctx.bookById.load(ref.id),
          },
        },
      }),
    context(base) {
      const books = new MikroOrmBookRepository(base.em);
      return {
        ...base,
        addBook: new BookAdder(books),
        findBooks: new BookFinder(books),
        bookById: byId(
          (ids) => books.byIds(ids),
          (book) => book.id,
        ),
      };
    },
  };
}
