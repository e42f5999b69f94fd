import type { Hold, HoldStatus } from './Hold';

/** The loans subgraph's holds. */
export interface HoldRepository {
  byIds(ids: readonly string[]): Promise<Hold[]>;
  /** Holds of these members, newest first; every status when `status` is null. */
  ofMembers(memberIds: readonly string[], status: HoldStatus | null): Promise<Hold[]>;
  /** WAITING holds of these books, in queue order (oldest `placedAt` first, then id). */
  waitingFor(bookIds: readonly string[]): Promise<Hold[]>;
}
