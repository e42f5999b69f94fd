import { EntitySchema } from '@mikro-orm/core';
import type { AggregateRoot } from '@shelfmark/events';
import { AggregateRootSchema } from '@shelfmark/subgraph-kit';
import { Loan, LOAN_STATUSES } from '../../domain';

export const LoanSchema = new EntitySchema<Loan, AggregateRoot>({
  class: Loan,
  extends: AggregateRootSchema,
  indexes: [
    { properties: ['memberId', 'status'] },
    { properties: ['memberId', 'borrowedAt'] },
    { properties: ['copyId', 'status'] },
    // The desk's checkIn: the loan a scanned copy is out on.
    { properties: ['barcode', 'status'] },
    { properties: ['bookId', 'status'] },
    // The overdue and due-soon jobs: ACTIVE loans by due date.
    { properties: ['status', 'dueAt'] },
  ],
  properties: {
    id: { type: 'string', primary: true },
    memberId: { type: 'string' },
    copyId: { type: 'string' },
    barcode: { type: 'string', nullable: true },
    bookId: { type: 'string' },
    borrowId: { type: 'string', nullable: true },
    holdId: { type: 'string', nullable: true },
    borrowedAt: { type: 'Date' },
    dueAt: { type: 'Date' },
    returnedAt: { type: 'Date', nullable: true },
    renewals: { type: 'integer' },
    status: { enum: true, items: [...LOAN_STATUSES] },
    remindedForDueAt: { type: 'Date', nullable: true },
  },
});
