import type { MikroORM } from '@mikro-orm/core';
import { defineConsumer, type Consumer, type Logger } from '@shelfmark/events';
import type { Clock } from '@shelfmark/subgraph-kit';
import { CopyChanger } from '../../application/change-copy/CopyChanger';
import { freshCopies } from '../persistence/MikroOrmCopyRepository';

/**
 * A copy came back: to the hold shelf for the hold loans named (`nextHold`), or to the shelves.
 * Only the copy's current loan moves it; a return of any other loan changes nothing.
 */
export function shelveCopyOnLoanReturned(orm: MikroORM, clock: Clock, logger: Logger): Consumer {
  const changer = new CopyChanger(freshCopies(orm));
  return defineConsumer({
    name: 'ShelveCopyOnLoanReturned',
    types: ['shelfmark.loans.loan-returned.v1'],
    async handle(event) {
      const { loanId, copyId, nextHold } = event.data;
      const outcome = await changer.change(
        copyId,
        (copy) => copy.shelveAfterReturn(loanId, nextHold, clock()),
        event.id,
      );
      logger.debug({ eventId: event.id, copyId, loanId, outcome }, 'loan-returned applied');
    },
  });
}
