import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { Loan, LOAN_STATUSES } from '../../domain';

export const LoanSchema = new EntitySchema<Loan, AggregateRoot>({
  class: Loan,
  extends: AggregateRootSchema,
  indexes: [
    { properties: ['memberId', 'status'] },
    { properties: ['copyId', 'status'] },
    { properties: ['bookId', 'status'] },
  ],
  properties: {
    id: { type: 'string', primary: true },
    memberId: { type: 'string' },
    copyId: { type: 'string' },
    bookId: { type: 'string' },
    borrowedAt: { type: 'datetime' },
    dueAt: { type: 'datetime' },
    returnedAt: { type: 'datetime', nullable: true },
    renewals: { type: 'integer' },
    status: { enum: true, items: [...LOAN_STATUSES] },
  },
});
