import type { Clock } from '@shelfmark/subgraph-kit';
import { UnknownCopy, type Copy, type FreshCopies } from '../../domain';
import type { CopyChanger } from '../change-copy/CopyChanger';

/** Librarians take a copy out of circulation (withdrawCopy). Withdrawing it again changes nothing. */
export class CopyWithdrawer {
  constructor(
    private readonly copies: FreshCopies,
    private readonly changer: CopyChanger,
    private readonly clock: Clock,
  ) {}

  async withdraw(copyId: string): Promise<Copy> {
    await this.changer.change(copyId, (copy) => copy.withdraw(this.clock()));
    const copy = await this.copies().byId(copyId);
    if (!copy) throw new UnknownCopy(copyId);
    return copy;
  }
}
