import type { MikroORM } from '@mikro-orm/core';
import { defineConsumer, type Consumer, type Logger } from '@shelfmark/events';
import type { Clock } from '@shelfmark/subgraph-kit';
import { CopyChanger } from '../../application/change-copy/CopyChanger';
import { CopyReleaser } from '../../application/release-copies/CopyReleaser';
import { freshCopies } from '../persistence/MikroOrmCopyRepository';

/**
 * Loans gave a borrow request up (compensation): what inventory reserved for it goes back where
 * it came from, the shelves or the hold shelf. One write per copy, each remembering the event.
 */
export function releaseCopiesOnBorrowCancelled(orm: MikroORM, clock: Clock, logger: Logger): Consumer {
  const copies = freshCopies(orm);
  const releaser = new CopyReleaser(copies, new CopyChanger(copies), clock);
  return defineConsumer({
    name: 'ReleaseCopiesOnBorrowCancelled',
    types: ['shelfmark.loans.borrow-cancelled.v1'],
    async handle(event) {
      const { borrowId, bookIds } = event.data;
      const released = await releaser.release({ borrowId, bookIds, causedBy: event.id });
      logger.debug({ eventId: event.id, borrowId, released }, 'borrow-cancelled applied');
    },
  });
}
