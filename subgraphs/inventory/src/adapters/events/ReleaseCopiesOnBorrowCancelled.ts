import type { Consumer, Logger, ShelfmarkEvent } from '@shelfmark/events';
import type { CopyReleaser } from '../../application/release-copies/CopyReleaser';

type BorrowCancelled = 'shelfmark.loans.borrow-cancelled.v1';

/**
 * Loans gave a borrow request up (compensation): what inventory reserved for it goes back where
 * it came from, the shelves or the hold shelf. One write per copy, each remembering the event.
 */
export class ReleaseCopiesOnBorrowCancelled implements Consumer<BorrowCancelled> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'ReleaseCopiesOnBorrowCancelled';
  readonly types = ['shelfmark.loans.borrow-cancelled.v1'] as const;

  constructor(
    private readonly releaser: CopyReleaser,
    private readonly logger: Logger,
  ) {}

  async handle(event: ShelfmarkEvent<BorrowCancelled>): Promise<void> {
    const { borrowId, bookIds } = event.data;
    const released = await this.releaser.release({ borrowId, asked: { bookIds }, causedBy: event.id });
    this.logger.debug({ eventId: event.id, borrowId, released }, 'borrow-cancelled applied');
  }
}
