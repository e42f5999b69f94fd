import { NotSignedIn } from '@shelfmark/errors';
import { Arg, Authorized, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import type { CopyReservation } from '../../application/reserve-copies/CopyReserver';
import type { InventoryContext } from './context';
import { CopyReservationType } from './copy-reservation.type';

/**
 * The synchronous call of loans' borrow saga. `@inaccessible`: the subgraph answers it (loans
 * calls it directly, forwarding the member's token), the router's public API does not have it.
 */
@Resolver(() => CopyReservationType)
export class CopyReservationResolver {
  @Authorized()
  @Directive('@inaccessible')
  @Mutation(() => [CopyReservationType], {
    description:
      'Internal (loans’ borrow saga): set one copy of each book aside for the signed-in member, all or none. ' +
      'Repeating it for a borrowId returns what that borrow already has.',
  })
  reserveCopies(
    @Arg('borrowId', () => ID) borrowId: string,
    @Arg('bookIds', () => [ID]) bookIds: string[],
    @Arg('deadline', () => Date, { description: 'When the caller stops waiting for the answer.' })
    deadline: Date,
    @Ctx() ctx: InventoryContext,
  ): Promise<CopyReservation[]> {
    if (!ctx.identity) throw new NotSignedIn();
    return ctx.reserveCopies.reserve({ borrowId, memberId: ctx.identity.memberId, bookIds, deadline });
  }
}
