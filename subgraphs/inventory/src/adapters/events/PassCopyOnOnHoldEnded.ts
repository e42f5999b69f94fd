import type { MikroORM } from '@mikro-orm/core';
import { defineConsumer, type Consumer, type Logger, type ShelfmarkEvent } from '@shelfmark/events';
import type { Clock } from '@shelfmark/subgraph-kit';
import { CopyChanger } from '../../application/change-copy/CopyChanger';
import type { NextHold } from '../../domain';
import { freshCopies } from '../persistence/MikroOrmCopyRepository';

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
export function passCopyOnOnHoldEnded(orm: MikroORM, clock: Clock, logger: Logger): Consumer {
  const changer = new CopyChanger(freshCopies(orm));
  return defineConsumer<HoldEnded>({
    name: 'PassCopyOnOnHoldEnded',
    types: [
      'shelfmark.loans.hold-cancelled.v1',
      'shelfmark.loans.hold-expired.v1',
      'shelfmark.loans.hold-passed-on.v1',
    ],
    async handle(event) {
      const left = copyLeftBy(event);
      if (!left) return;
      const { holdId } = event.data;
      const outcome = await changer.change(
        left.copyId,
        (copy) => copy.passOnFromHold(holdId, left.nextHold, clock()),
        event.id,
      );
      logger.debug(
        { eventId: event.id, type: event.type, copyId: left.copyId, holdId, outcome },
        'hold ended; copy passed on',
      );
    },
  });
}
