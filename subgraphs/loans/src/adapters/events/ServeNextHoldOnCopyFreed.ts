import type { Consumer, Logger, ShelfmarkEvent } from '@shelfmark/events';
import type { HoldRouter } from '../../application/route-holds/HoldRouter';

type CopyFreed =
  | 'shelfmark.loans.loan-returned.v1'
  | 'shelfmark.loans.hold-cancelled.v1'
  | 'shelfmark.loans.hold-expired.v1'
  | 'shelfmark.loans.hold-passed-on.v1';

/** The copy an event freed and the hold it was routed to; null when it went back to the shelves. */
function routedBy(event: ShelfmarkEvent<CopyFreed>): { copyId: string; holdId: string } | null {
  const freed =
    event.type === 'shelfmark.loans.hold-cancelled.v1'
      ? event.data.copy && { copyId: event.data.copy.copyId, next: event.data.copy.nextHold }
      : { copyId: event.data.copyId, next: event.data.nextHold };
  return freed?.next ? { copyId: freed.copyId, holdId: freed.next.holdId } : null;
}

/**
 * A copy came free (a return, a READY hold that ended) and was routed to the next hold in its
 * book's queue: that hold becomes READY, or passes the copy on if it left the queue meanwhile.
 */
export class ServeNextHoldOnCopyFreed implements Consumer<CopyFreed> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'ServeNextHoldOnCopyFreed';
  readonly types = [
    'shelfmark.loans.loan-returned.v1',
    'shelfmark.loans.hold-cancelled.v1',
    'shelfmark.loans.hold-expired.v1',
    'shelfmark.loans.hold-passed-on.v1',
  ] as const;

  constructor(
    private readonly holds: HoldRouter,
    private readonly logger: Logger,
  ) {}

  async handle(event: ShelfmarkEvent<CopyFreed>): Promise<void> {
    const routed = routedBy(event);
    if (!routed) return;
    const outcome = await this.holds.route(routed.holdId, routed.copyId, { eventId: event.id });
    this.logger.debug({ eventId: event.id, holdId: routed.holdId, outcome }, 'copy routed to hold');
  }
}
