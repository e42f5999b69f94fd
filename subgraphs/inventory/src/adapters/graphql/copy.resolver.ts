import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Barcode, MAX_COPIES_PER_REQUEST, MAX_LOCATION_LENGTH, type Copy } from '../../domain';
import { BookReference } from './book.reference';
import type { InventoryContext } from './context';
import { CopyType } from './copy.type';

@Resolver(() => CopyType)
export class CopyResolver {
  @Query(() => CopyType, {
    nullable: true,
    description: 'The copy with this barcode, as typed or scanned; null when there is none.',
  })
  copyByBarcode(@Arg('barcode') barcode: string, @Ctx() ctx: InventoryContext): Promise<Copy | null> {
    return ctx.copies.byBarcode(Barcode.normalise(barcode));
  }

  @Authorized('LIBRARIAN')
  @Mutation(() => [CopyType], {
    description: `Librarians: put \`count\` (1–${MAX_COPIES_PER_REQUEST}) new copies of a catalogued book into circulation, all or none.`,
  })
  addCopies(
    @Arg('bookId', () => ID) bookId: string,
    @Arg('count', () => Int) count: number,
    @Ctx() ctx: InventoryContext,
    @Arg('location', () => String, {
      nullable: true,
      description: `Where the copies are shelved (at most ${MAX_LOCATION_LENGTH} characters).`,
    })
    location?: string | null,
  ): Promise<Copy[]> {
    return ctx.addCopies.add({ bookId, count, location: location ?? null });
  }

  @Authorized('LIBRARIAN')
  @Mutation(() => CopyType, {
    description:
      'Librarians: take a copy back on the shelves out of circulation (WITHDRAWN: damaged, lost, weeded). Withdrawing it again changes nothing.',
  })
  withdrawCopy(@Arg('copyId', () => ID) copyId: string, @Ctx() ctx: InventoryContext): Promise<Copy> {
    return ctx.withdrawCopy.withdraw(copyId);
  }

  @FieldResolver(() => BookReference, { description: 'The book this is a copy of.' })
  book(@Root() copy: Copy): BookReference {
    return { id: copy.bookId };
  }
}
