import { EntitySchema } from '@mikro-orm/core';
import { BorrowRecord } from '../../domain';

export const BorrowRecordSchema = new EntitySchema<BorrowRecord>({
  class: BorrowRecord,
  tableName: 'borrow_record',
  indexes: [{ properties: ['borrowedAt', 'bookId'] }],
  properties: {
    loanId: { type: 'string', primary: true },
    bookId: { type: 'string' },
    borrowedAt: { type: 'Date' },
  },
});
