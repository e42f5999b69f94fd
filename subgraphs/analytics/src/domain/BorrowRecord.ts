/**
 * One borrow of a book, kept so rankings can be computed over any time window. Keyed by its loan
 * (a loan is borrowed once), so recording the same borrow twice is a no-op, whatever event told it.
 */
export class BorrowRecord {
  loanId!: string;
  bookId!: string;
  borrowedAt!: Date;

  static of(loanId: string, bookId: string, borrowedAt: Date): BorrowRecord {
    const record = new BorrowRecord();
    record.loanId = loanId;
    record.bookId = bookId;
    record.borrowedAt = borrowedAt;
    return record;
  }
}
