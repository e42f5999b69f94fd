import type { Consumer, Logger, ShelfmarkEvent } from '@shelfmark/events';
import type { CopyChanger } from '../../application/change-copy/CopyChanger';
import type { NextHold } from '../../domain';

type HoldEnded =
  | 'shelfmark.loans.hold-cancelled.v1'
  | 'shelfmark.loans.hold-expired.v1'
  | 'shelfmark.loans.hold-passed-on.v1';

/** The copy a hold that ended leaves behind, and who it waits for now; null when it had none. */
function copyLeftBy(event: ShelfmarkEvent<HoldEnded>): { copyId: string; nextHold: NextHold | null } | null {
  switch (event.type) {
    case 'shelfmark.loans.hold-cancelled.v1':
      // A hold cancelled while still WAITING had no copy on the hold shelf.
      return event.data.copy;
    case 'shelfmark.loans.hold-expired.v1':
    case 'shelfmark.loans.hold-passed-on.v1':
      return { copyId: event.data.copyId, nextHold: event.data.nextHold };
  }
}

/**
 * A READY hold ended without a loan (cancelled, expired, or passed on to the next in the queue):
 * its copy waits on the hold shelf for the next hold, or goes back to the shelves. Only a copy
 * still held for that hold moves; anything else is a stale event and changes nothing.
 */
export class PassCopyOnOnHoldEnded implements Consumer<HoldEnded> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'PassCopyOnOnHoldEnded';
  readonly types = [
    'shelfmark.loans.hold-cancelled.v1',
    'shelfmark.loans.hold-expired.v1',
    'shelfmark.loans.hold-passed-on.v1',
  ] as const;

  constructor(
    private readonly changer: CopyChanger,
    private readonly logger: Logger,
  ) {}

  async handle(event: ShelfmarkEvent<HoldEnded>): Promise<void> {
    const left = copyLeftBy(event);
    if (!left) return;
    const { holdId } = event.data;
    const outcome = await this.changer.change(
      left.copyId,
      (copy, now) => copy.passOnFromHold(holdId, left.nextHold, now),
      event.id,
    );
    this.logger.debug(
      { eventId: event.id, type: event.type, copyId: left.copyId, holdId, outcome },
      'hold ended; copy passed on',
    );
  }
}
