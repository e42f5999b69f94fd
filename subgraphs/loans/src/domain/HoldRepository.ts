import type { Hold, HoldStatus } from './Hold';

/** The loans subgraph's holds. Unconfirmed holds (points not paid yet) are in no list or queue. */
export interface HoldRepository {
  byId(id: string): Promise<Hold | null>;
  byIds(ids: readonly string[]): Promise<Hold[]>;
  /** Confirmed holds of these members, newest first; every status when `status` is null. */
  ofMembers(memberIds: readonly string[], status: HoldStatus | null): Promise<Hold[]>;
  /** Confirmed WAITING holds of these books, in queue order (oldest `placedAt` first, then id). */
  waitingFor(bookIds: readonly string[]): Promise<Hold[]>;
  /** The member's WAITING or READY hold on the book, if any. */
  activeOf(memberId: string, bookId: string): Promise<Hold | null>;
  add(hold: Hold): Promise<void>;
  save(hold: Hold): Promise<void>;
  /** READY holds whose pickup window closed before `now`. */
  readyExpiredBy(now: Date, limit: number): Promise<Hold[]>;
  /** Unconfirmed, still WAITING holds begun before `before` (placement interrupted). */
  unconfirmedBefore(before: Date, limit: number): Promise<Hold[]>;
}
