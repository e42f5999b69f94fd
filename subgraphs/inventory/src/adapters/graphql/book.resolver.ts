import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Availability, Copy } from '../../domain';
import { AvailabilityType } from './availability.type';
import { BookReference } from './book.reference';
import type { InventoryContext } from './context';
import { CopyType } from './copy.type';

/** Inventory's fields on catalogue's Book; both batch over every book in the request. */
@Resolver(() => BookReference)
export class BookInventoryResolver {
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
