import type { MikroORM } from '@mikro-orm/core';
import { defineConsumer, type Consumer, type Logger } from '@shelfmark/events';
import type { Clock } from '@shelfmark/subgraph-kit';
import { CopyChanger } from '../../application/change-copy/CopyChanger';
import type { LendOutcome } from '../../domain';
import { freshCopies } from '../persistence/MikroOrmCopyRepository';

/**
 * Loans confirmed a loan: the copy reserved for its borrow is now out on that loan. A loan of a
 * copy that was not reserved for it is still applied (loans decides who has a copy) and logged
 * as a warning: it means a borrow went round inventory's reservation.
 */
export function lendCopyOnLoanBorrowed(orm: MikroORM, clock: Clock, logger: Logger): Consumer {
  const changer = new CopyChanger(freshCopies(orm));
  return defineConsumer({
    name: 'LendCopyOnLoanBorrowed',
    types: ['shelfmark.loans.loan-borrowed.v1'],
    async handle(event) {
      const { loanId, borrowId, copyId } = event.data;
      let lent = 'already-lent' as LendOutcome;
      let before: object = {};
      const outcome = await changer.change(
        copyId,
        (copy) => {
          before = { status: copy.status, reservedFor: copy.reservedFor, loanId: copy.loanId };
          lent = copy.lend(loanId, borrowId, clock());
          return lent !== 'already-lent';
        },
        event.id,
      );
      if (outcome === 'changed' && lent === 'unexpected') {
        logger.warn(
          { eventId: event.id, copyId, loanId, borrowId, before },
          'loan confirmed for a copy not reserved for its borrow; copy set ON_LOAN',
        );
      }
      logger.debug({ eventId: event.id, copyId, loanId, outcome, lent }, 'loan-borrowed applied');
    },
  });
}
