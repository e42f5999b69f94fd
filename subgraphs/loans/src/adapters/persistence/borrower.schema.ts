import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { Borrower, BorrowerStatus } from '../../domain';

export const BorrowerSchema = new EntitySchema<Borrower, AggregateRoot>({
  class: Borrower,
  extends: AggregateRootSchema,
  properties: {
    memberId: { type: 'string', primary: true },
    status: { enum: true, items: Object.values(BorrowerStatus) },
    blockedReason: { type: 'string', nullable: true },
    loanIds: { type: 'json' },
    pending: { type: 'json' },
  },
});
