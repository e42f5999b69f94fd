import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Hold } from '../../domain';
import { CopyRoutingType } from './check-in.type';
import type { LoansContext } from './context';
import { HoldType } from './hold.type';

@Resolver(() => CopyRoutingType)
export class CopyRoutingResolver {
  @FieldResolver(() => HoldType, {
    nullable: true,
    description:
      'HOLD_SHELF: the hold the copy is kept for (its member: who to tell); null when the copy goes back on the shelves.',
  })
  hold(@Root() routing: CopyRoutingType, @Ctx() ctx: LoansContext): Promise<Hold | null> | null {
    return routing.holdId ? ctx.holdById.load(routing.holdId) : null;
  }
}
