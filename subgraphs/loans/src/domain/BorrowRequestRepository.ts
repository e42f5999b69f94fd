import type { BorrowRequest } from './BorrowRequest';

export interface BorrowRequestRepository {
  byId(id: string): Promise<BorrowRequest | null>;
  save(request: BorrowRequest): Promise<void>;
  /** Requests neither confirmed nor cancelled, started before `before`. */
  unfinishedBefore(before: Date, limit: number): Promise<BorrowRequest[]>;
}
