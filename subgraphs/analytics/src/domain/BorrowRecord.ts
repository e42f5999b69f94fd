/**
 * One borrow of a book, kept so rankings can be computed over any time window. Its id is the id of
 * the loan event that announced it, so recording the same event twice is a no-op.
 */
export class BorrowRecord {
  id!: string;
  bookId!: string;
  borrowedAt!: Date;

  static of(eventId: string, bookId: string, borrowedAt: Date): BorrowRecord {
    const record = new BorrowRecord();
    record.id = eventId;
    record.bookId = bookId;
    record.borrowedAt = borrowedAt;
    return record;
  }
}
