import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Hold } from '../../domain';
import { BookReference } from './book.type';
import type { LoansContext } from './context';
import { HoldType } from './hold.type';
import { MemberReference } from './member.type';

@Resolver(() => HoldType)
export class HoldResolver {
  @FieldResolver(() => BookReference)
  book(@Root() hold: Hold): BookReference {
    return { id: hold.bookId };
  }

  @FieldResolver(() => MemberReference)
  member(@Root() hold: Hold): MemberReference {
    return { id: hold.memberId };
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Place in the book's queue while WAITING (1 is next); null once the hold left the queue.",
  })
  async position(@Root() hold: Hold, @Ctx() ctx: LoansContext): Promise<number | null> {
    if (!hold.isWaiting()) return null;
    const index = (await ctx.holdQueue.load(hold.bookId)).findIndex((queued) => queued.id === hold.id);
    return index === -1 ? null : index + 1;
  }
}
