import { NotSignedIn } from '@shelfmark/errors';
import { Arg, Authorized, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import type { CopyReservation } from '../../application/Reservations';
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

  /**
   * The synchronous call of loans' saga for a librarian's checkOut, with the librarian's token:
   * the copies are named by barcode and lent to `memberId`, not to the caller. Staff only.
   */
  @Authorized('LIBRARIAN')
  @Directive('@inaccessible')
  @Mutation(() => [CopyReservationType], {
    description:
      'Internal (loans’ saga for checkOut, staff only): set the copies with these barcodes aside for the member, all or none. ' +
      'A copy on the hold shelf only for the member it waits for. Repeating it for a borrowId returns what that request already has.',
  })
  reserveCopiesByBarcode(
    @Arg('borrowId', () => ID) borrowId: string,
    @Arg('memberId', () => ID, { description: 'Who the copies are lent to.' }) memberId: string,
    @Arg('barcodes', () => [String], { description: 'As typed or scanned; each copy once.' })
    barcodes: string[],
    @Arg('deadline', () => Date, { description: 'When the caller stops waiting for the answer.' })
    deadline: Date,
    @Ctx() ctx: InventoryContext,
  ): Promise<CopyReservation[]> {
    return ctx.reserveNamedCopies.reserve({ borrowId, memberId, barcodes, deadline });
  }
}
