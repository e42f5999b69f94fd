import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { Borrower, BorrowerStatus } from '../../domain';

export const BorrowerSchema = new EntitySchema<Borrower, AggregateRoot>({
  class: Borrower,
  extends: AggregateRootSchema,
  // The desk finds a member by their card. Not unique: members guarantees that, and a unique
  // index over the nulls of members without a card needs a partial index not every server has.
  indexes: [{ properties: ['cardNumber'] }],
  properties: {
    memberId: { type: 'string', primary: true },
    status: { enum: true, items: Object.values(BorrowerStatus) },
    blockedReason: { type: 'string', nullable: true },
    cardNumber: { type: 'string', nullable: true },
    loanIds: { type: 'json' },
    pending: { type: 'json' },
  },
});
