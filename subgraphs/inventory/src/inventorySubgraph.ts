import { buildFederatedSchema, type SubgraphDefinition } from '@shelfmark/subgraph-kit';
import { CopyAdder } from './application/add-copies/CopyAdder';
import { CopyChanger } from './application/change-copy/CopyChanger';
import { CopyWithdrawer } from './application/withdraw-copy/CopyWithdrawer';
import { CopyReserver } from './application/reserve-copies/CopyReserver';
import { NamedCopyReserver } from './application/reserve-named-copies/NamedCopyReserver';
import { BookRegistrar } from './application/register-book/BookRegistrar';
import { CopyReleaser } from './application/release-copies/CopyReleaser';
import { LendCopyOnLoanBorrowed } from './adapters/events/LendCopyOnLoanBorrowed';
import { PassCopyOnOnHoldEnded } from './adapters/events/PassCopyOnOnHoldEnded';
import { RegisterBookOnBookAdded } from './adapters/events/RegisterBookOnBookAdded';
import { ReleaseCopiesOnBorrowCancelled } from './adapters/events/ReleaseCopiesOnBorrowCancelled';
import { ReleaseCopiesOnCheckoutCancelled } from './adapters/events/ReleaseCopiesOnCheckoutCancelled';
import { ShelveCopyOnLoanReturned } from './adapters/events/ShelveCopyOnLoanReturned';
import { BookReference } from './adapters/graphql/book.reference';
import { BookInventoryResolver } from './adapters/graphql/book.resolver';
import {
  availabilityLoader,
  copiesByBookLoader,
  copyLoader,
  type InventoryContext,
} from './adapters/graphql/context';
import { CopyReservationResolver } from './adapters/graphql/copy-reservation.resolver';
import { CopyResolver } from './adapters/graphql/copy.resolver';
import { CatalogueBookSchema } from './adapters/persistence/catalogue-book.schema';
import { CopySchema } from './adapters/persistence/copy.schema';
import { MikroOrmCatalogueBookRepository } from './adapters/persistence/MikroOrmCatalogueBookRepository';
import { freshCopies, MikroOrmCopyRepository } from './adapters/persistence/MikroOrmCopyRepository';

/** The inventory context: the physical copies of each book, and which of them can be borrowed. */
export function inventorySubgraph(): SubgraphDefinition<InventoryContext> {
  return {
    name: 'inventory',
    entities: [CopySchema, CatalogueBookSchema],
    aggregates: [CopySchema],
    // Answers that depend on its own data alone: the router may keep them until it writes (ADR 22).
    cacheableAnswers: { rootFields: ['copyByBarcode'], entityTypes: ['Book', 'Copy'] },
    schema: () =>
      buildFederatedSchema({
        resolvers: [CopyResolver, BookInventoryResolver, CopyReservationResolver],
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
    context(base, runtime) {
      const copies = new MikroOrmCopyRepository(base.em);
      const books = new MikroOrmCatalogueBookRepository(base.em);
      // Reservations write copy by copy, each attempt in a unit of work of its own.
      const fresh = freshCopies(runtime.orm);
      return {
        ...base,
        addCopies: new CopyAdder(copies, books, { clock: runtime.clock }),
        reserveCopies: new CopyReserver(fresh, books, new CopyChanger(fresh), { clock: runtime.clock }),
        reserveNamedCopies: new NamedCopyReserver(fresh, new CopyChanger(fresh, runtime.clock), {
          clock: runtime.clock,
        }),
        withdrawCopy: new CopyWithdrawer(fresh, new CopyChanger(fresh), runtime.clock),
        copies,
        copyById: copyLoader(copies),
        copiesByBook: copiesByBookLoader(copies),
        availabilityByBook: availabilityLoader(copies),
      };
    },
    consumers: ({ orm, logger, clock }) => {
      const copies = freshCopies(orm);
      const changer = new CopyChanger(copies, clock);
      const releaser = new CopyReleaser(copies, changer, clock);
      return [
        new RegisterBookOnBookAdded(
          new BookRegistrar(() => new MikroOrmCatalogueBookRepository(orm.em.fork())),
          logger,
        ),
        new LendCopyOnLoanBorrowed(changer, logger),
        new ReleaseCopiesOnBorrowCancelled(releaser, logger),
        new ReleaseCopiesOnCheckoutCancelled(releaser, logger),
        new ShelveCopyOnLoanReturned(changer, logger),
        new PassCopyOnOnHoldEnded(changer, logger),
      ];
    },
  };
}
