import type { Consumer, Logger, ShelfmarkEvent } from '@shelfmark/events';
import type { CopyReleaser } from '../../application/release-copies/CopyReleaser';

type CheckoutCancelled = 'shelfmark.loans.checkout-cancelled.v1';

/**
 * Loans gave a librarian's checkOut up (compensation): the copies it named, if inventory reserved
 * them for it, go back where they came from, the shelves or the hold shelf. One write per copy,
 * each remembering the event.
 */
export class ReleaseCopiesOnCheckoutCancelled implements Consumer<CheckoutCancelled> {
  /** Its consumer group; the kit prefixes it with the subgraph's name. */
  readonly name = 'ReleaseCopiesOnCheckoutCancelled';
  readonly types = ['shelfmark.loans.checkout-cancelled.v1'] as const;

  constructor(
    private readonly releaser: CopyReleaser,
    private readonly logger: Logger,
  ) {}

  async handle(event: ShelfmarkEvent<CheckoutCancelled>): Promise<void> {
    const { borrowId, barcodes } = event.data;
    const released = await this.releaser.release({ borrowId, asked: { barcodes }, causedBy: event.id });
    this.logger.debug({ eventId: event.id, borrowId, released }, 'checkout-cancelled applied');
  }
}
