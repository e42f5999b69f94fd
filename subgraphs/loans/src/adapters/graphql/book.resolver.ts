import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Hold } from '../../domain';
import { BookReference } from './book.type';
import type { LoansContext } from './context';
import { HoldType } from './hold.type';

@Resolver(() => BookReference)
export class BookResolver {
  @FieldResolver(() => [HoldType], {
    nullable: true,
    description: 'Holds waiting for a copy of this book, first in line first.',
  })
  holdQueue(@Root() book: BookReference, @Ctx() ctx: LoansContext): Promise<Hold[]> {
    return ctx.holdQueue.load(book.id);
  }
}
