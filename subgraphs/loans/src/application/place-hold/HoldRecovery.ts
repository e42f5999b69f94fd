import type { Clock } from '@shelfmark/subgraph-kit';
import { changeEach, type OpenStores } from '../CirculationStores';

/**
 * Abandons holds whose placement a crash interrupted (unconfirmed for longer than the saga timeout):
 * `hold-abandoned` makes members refund the points, if it took them.
 */
export class HoldRecovery {
  readonly name = 'recover-interrupted-holds';

  constructor(
    private readonly open: OpenStores,
    private readonly options: { readonly clock: Clock; readonly sagaTimeoutMs: number },
  ) {}

  async run(now: Date = this.options.clock()): Promise<{ abandoned: number }> {
    const stuck = await this.open().holds.unconfirmedBefore(
      new Date(now.getTime() - this.options.sagaTimeoutMs),
      100,
    );
    const abandoned = await changeEach(stuck, async (id) => {
      const { holds } = this.open();
      const hold = await holds.byId(id);
      if (!hold?.abandon(now)) return false;
      await holds.save(hold);
      return true;
    });
    return { abandoned };
  }
}
