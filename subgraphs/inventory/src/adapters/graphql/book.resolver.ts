import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Availability, Copy } from '../../domain';
import { AvailabilityType } from './availability.type';
import { BookReference } from './book.reference';
import type { InventoryContext } from './context';
import { CopyType } from './copy.type';

/** Inventory's fields on catalogue's Book; both batch over every book in the request. */
@Resolver(() => BookReference)
export class BookInventoryResolver {
  /**
   * Declared here so that it is part of the supergraph: inventory owns a book's availability.
   * The router serves it (docs/adr/0013-federated-subscriptions.md); this subgraph never does.
   */
  @Subscription(() => BookReference, {
    description:
      "Fires when the book's availability changes (borrow, return, hold shelf, copies added or withdrawn).",
    subscribe: servedByTheRouter,
  })
  bookStatusChanged(@Arg('bookId', () => ID) bookId: string): BookReference {
    return { id: bookId };
  }

  @FieldResolver(() => [CopyType], {
    nullable: true,
    description: 'Every copy of the book, sorted by barcode.',
  })
  copies(@Root() book: BookReference, @Ctx() ctx: InventoryContext): Promise<Copy[]> {
    return ctx.copiesByBook.load(book.id);
  }

  @FieldResolver(() => AvailabilityType, {
    nullable: true,
    description: 'How many copies there are, and how many can be borrowed.',
  })
  availability(@Root() book: BookReference, @Ctx() ctx: InventoryContext): Promise<Availability> {
    return ctx.availabilityByBook.load(book.id);
  }
}

/** A subgraph is never asked for a subscription: the router serves them. */
function servedByTheRouter(): never {
  throw new GraphQLError('Subscriptions are served by the router, not by a subgraph.', {
    extensions: { code: 'BAD_REQUEST' },
  });
}
