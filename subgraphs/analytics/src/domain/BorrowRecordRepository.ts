/** Every borrow analytics was told of. */
export interface BorrowRecordRepository {
  /** How often each book was borrowed between `since` and `until` (both included); unborrowed books are absent. */
  countsByBook(since: Date, until: Date): Promise<Map<string, number>>;
}
