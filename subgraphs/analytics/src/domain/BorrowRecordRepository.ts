import type { BorrowRecord } from './BorrowRecord';

/** Every borrow analytics was told of. */
export interface BorrowRecordRepository {
  /** Whether the borrow of this loan is recorded. */
  has(loanId: string): Promise<boolean>;
  /** Records the borrow unless its loan is already recorded (a concurrent writer's included); says whether it was new. */
  addIfAbsent(record: BorrowRecord): Promise<boolean>;
  /** How often each book was borrowed between `since` and `until` (both included); unborrowed books are absent. */
  countsByBook(since: Date, until: Date): Promise<Map<string, number>>;
}
