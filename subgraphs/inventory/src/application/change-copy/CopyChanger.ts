import { retryOnConflict } from '@shelfmark/subgraph-kit';
import { UnknownCopy, type Copy, type FreshCopies } from '../../domain';

/** How many times a change is tried on a freshly loaded copy before the caller hears of the race. */
export const MAX_CHANGE_ATTEMPTS = 5;

/**
 * What became of a change: written, refused by the copy's own guards (nothing to do, nothing
 * written), or skipped because the copy already applied the event that causes it.
 */
export type ChangeOutcome = 'changed' | 'unchanged' | 'already-handled';

/** A change of one copy; true when it changed the copy, which is then written. */
export type CopyChange = (copy: Copy) => boolean;

/**
 * Applies one change to one copy as one write, in a fresh unit of work; when another writer wins
 * the copy's optimistic lock, loads the copy again and applies the change to what is stored now.
 *
 * Given the id of the event that causes the change, it happens once however often the event is
 * delivered: the copy's inbox records the id in the same write, and a copy that has it skips the
 * change. Throws {@link UnknownCopy} for a copy inventory does not have.
 */
export class CopyChanger {
  constructor(
    private readonly copies: FreshCopies,
    private readonly attempts = MAX_CHANGE_ATTEMPTS,
  ) {}

  change(copyId: string, change: CopyChange, causedBy?: string): Promise<ChangeOutcome> {
    // A lost race surfaces as CopyChangedMeanwhile (a ConcurrentChange), which the helper retries.
    return retryOnConflict(async (): Promise<ChangeOutcome> => {
      const copies = this.copies();
      const copy = await copies.byId(copyId);
      if (!copy) throw new UnknownCopy(copyId);
      if (causedBy !== undefined && copy.hasHandled(causedBy)) return 'already-handled';
      if (!change(copy)) return 'unchanged';
      if (causedBy !== undefined) copy.markHandled(causedBy);
      await copies.save(copy);
      return 'changed';
    }, this.attempts);
  }
}
