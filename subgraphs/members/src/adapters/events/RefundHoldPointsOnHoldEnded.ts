import type { Consumer, Logger, ShelfmarkEvent } from '@shelfmark/events';
import type { HoldPointsRefunder } from '../../application/refund-points/HoldPointsRefunder';

type HoldEnded =
  | 'shelfmark.loans.hold-cancelled.v1'
  | 'shelfmark.loans.hold-expired.v1'
  | 'shelfmark.loans.hold-abandoned.v1';

/** What the refund is called on the member's ledger. */
const REASONS: Record<HoldEnded, string> = {
  'shelfmark.loans.hold-cancelled.v1': 'Hold cancelled: points refunded',
  'shelfmark.loans.hold-expired.v1': 'Hold expired unused: points refunded',
  'shelfmark.loans.hold-abandoned.v1': 'Hold not completed: points refunded',
};

/**
 * A hold ended without a loan (docs/design.md §2: cancelled or expired unused; or its placement never
 * completed): give its points back. What is refunded is what the member's ledger says was paid
 * for the hold, not what the event claims; a difference is logged, never acted on. An unknown
 * member fails the event, which is retried and then dead-lettered.
 */
export class RefundHoldPointsOnHoldEnded implements Consumer<HoldEnded> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'RefundHoldPointsOnHoldEnded';
  readonly types = [
    'shelfmark.loans.hold-cancelled.v1',
    'shelfmark.loans.hold-expired.v1',
    'shelfmark.loans.hold-abandoned.v1',
  ] as const;

  constructor(
    private readonly refunder: HoldPointsRefunder,
    private readonly logger: Logger,
  ) {}

  async handle(event: ShelfmarkEvent<HoldEnded>): Promise<void> {
    const { memberId, holdId } = event.data;
    const { outcome, spent } = await this.refunder.refund(
      { memberId, holdId, reason: REASONS[event.type] },
      { eventId: event.id },
    );
    const claimed = 'pointsRefunded' in event.data ? event.data.pointsRefunded : event.data.points;
    if (outcome !== 'already-handled' && claimed !== spent) {
      this.logger.warn(
        { eventId: event.id, type: event.type, memberId, holdId, claimed, spent, outcome },
        'hold points: the event and the ledger disagree; the ledger was followed',
      );
    }
  }
}
