import { byIdIn, changeOnce, type ChangeOutcome, type Clock } from '@shelfmark/subgraph-kit';
import { UnknownCopy, type Copy, type FreshCopies } from '../../domain';

export type { ChangeOutcome };

/** A change of one copy at `now`; true when it changed the copy, which is then written. */
export type CopyChange = (copy: Copy, now: Date) => boolean;

/**
 * Applies one change to one copy as one write, in a fresh unit of work; when another writer wins
 * the copy's optimistic lock, loads the copy again and applies the change to what is stored now
 * (the kit's {@link changeOnce}, under its one conflict policy).
 *
 * Given the id of the event that causes the change, it happens once however often the event is
 * delivered: the copy's inbox records the id in the same write, and a copy that has it skips the
 * change. Throws {@link UnknownCopy} for a copy inventory does not have.
 */
export class CopyChanger {
  constructor(
    private readonly copies: FreshCopies,
    private readonly clock: Clock = () => new Date(),
  ) {}

  async change(copyId: string, change: CopyChange, causedBy?: string): Promise<ChangeOutcome> {
    // A lost race surfaces as CopyChangedMeanwhile (a ConcurrentChange), which the helper retries.
    const changed = await changeOnce(
      byIdIn(this.copies, copyId),
      (copy) => change(copy, this.clock()),
      causedBy,
    );
    if (changed.outcome === 'not-found') throw new UnknownCopy(copyId);
    return changed.outcome;
  }
}
