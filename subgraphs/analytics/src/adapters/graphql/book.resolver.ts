import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BookReference } from './book.type';
import type { AnalyticsContext } from './context';

@Resolver(() => BookReference)
export class BookResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'How many times the book was borrowed, ever.',
  })
  borrowCount(@Root() book: BookReference, @Ctx() ctx: AnalyticsContext): Promise<number> {
    return ctx.borrowCountOf.load(book.id);
  }
}
