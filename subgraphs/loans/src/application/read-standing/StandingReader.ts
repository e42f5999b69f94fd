import type { Clock } from '@shelfmark/subgraph-kit';
import {
  assertMayReadCirculationOf,
  type Borrower,
  type BorrowingStanding,
  type CirculationRules,
  type Reader,
} from '../../domain';

/** Whether a member may borrow now: their own business and the desk's, like their loans. */
export class StandingReader {
  constructor(
    /** The member's Borrower; the adapter batches these lookups across members. */
    private readonly borrowerOf: (memberId: string) => Promise<Borrower | null>,
    /** Whether the member has a loan out past its due date; batched likewise. */
    private readonly hasOverdue: (memberId: string) => Promise<boolean>,
    private readonly rules: CirculationRules,
    private readonly timing: { readonly clock: Clock; readonly sagaTimeoutMs: number },
  ) {}

  /** Null for a member loans has not heard of (nothing can be lent to them yet). */
  async standing(reader: Reader | null, memberId: string): Promise<BorrowingStanding | null> {
    assertMayReadCirculationOf(reader, memberId);
    const [borrower, overdue] = await Promise.all([this.borrowerOf(memberId), this.hasOverdue(memberId)]);
    // Claims older than the saga timeout belong to requests that died: they hold no slot.
    const staleBefore = new Date(this.timing.clock().getTime() - this.timing.sagaTimeoutMs);
    return borrower?.standing(this.rules, overdue, staleBefore) ?? null;
  }
}
